// Private: cell values as Excel shows them, shared by the .xlsx and .xls readers: dates from
// their serial numbers (as the UK writes them), numbers to 15 significant digits, and which
// number formats show dates.
#pragma once

#include <string>

namespace safesar::gather_detail {

// Excel's built-in number formats that show dates or times.
bool excel_builtin_date_format(int id);
// A custom format code that shows a date or time ("dd/mm/yyyy", "[h]:mm").
bool excel_custom_date_format(const std::string& code);
// "22/04/2017", with " 14:30" when the serial has a time; empty when out of range.
std::string excel_date(double serial, bool date1904);
// "7700900264", "0.3", "1.5E+20": at most 15 significant digits.
std::string excel_number(double value);

// A printed header or footer without Excel's codes: "&L&\"Arial,Bold\"&12Case &P&RHannah" ->
// "Case Hannah" (fonts, sizes, colours, page and date fields out; && is &).
std::string excel_header_footer_text(const std::string& raw);

} // namespace safesar::gather_detail

// Human-readable names of the engine's enums, as request.json and reports spell them: each
// reads its table in enum_names.hpp, where parsing the name back reads it too.
#include "safesar/enum_names.hpp"

namespace safesar {

const char* to_string(Role r) {
    return role_names.name(r);
}
const char* to_string(Regime r) {
    return regime_names.name(r);
}
const char* to_string(HolidayRegion h) {
    return holiday_region_names.name(h);
}
const char* to_string(RecordKind k) {
    return record_kind_names.name(k);
}
const char* to_string(SectionKind k) {
    return section_kind_names.name(k);
}

} // namespace safesar

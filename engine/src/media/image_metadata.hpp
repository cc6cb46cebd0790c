// The text an image file carries besides its pixels, read with Exiv2 (EXIF, XMP, IPTC) and,
// for HEIF, the metadata blocks libheif finds: camera owner, artist, descriptions, places,
// dates, serial numbers, and the GPS position as decimal degrees.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace safesar::media {

struct MetadataEntry {
    std::string label; // "EXIF Image.Artist", "XMP dc.creator", "IPTC Application2.City"
    std::string text;  // UTF-8
};

struct ImageMetadata {
    std::vector<MetadataEntry> entries;
    int orientation = 1;       // EXIF orientation 1-8 (1: as stored)
    bool has_thumbnail = false; // an EXIF thumbnail: a second, older picture may hide there
    std::vector<std::string> warnings;
};

// Label of the GPS position entry, and its text: "GPS position 53.381129, -1.470085" (six
// decimals, south and west negative), the form detection's coordinate recogniser reads.
inline constexpr const char* gps_label = "GPS position";
std::string gps_text(double latitude, double longitude);

// The EXIF orientation alone (1 when there is none or it cannot be read).
int image_orientation(std::string_view bytes);

// Never throws: metadata that cannot be read is a warning.
ImageMetadata read_image_metadata(std::string_view bytes);

} // namespace safesar::media

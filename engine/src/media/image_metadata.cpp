#include "media/image_metadata.hpp"

#include "core/utf8.hpp"

// Exiv2 0.27's headers still use std::auto_ptr.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <exiv2/exiv2.hpp>
#pragma GCC diagnostic pop

#include <cmath>
#include <cstdio>
#include <mutex>

#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

namespace safesar::media {

namespace {

std::mutex xmp_toolkit; // the XMP toolkit Exiv2 embeds is not thread-safe on its own

void lock_xmp(void*, bool lock) {
    if (lock)
        xmp_toolkit.lock();
    else
        xmp_toolkit.unlock();
}

void init_exiv2() {
    static std::once_flag once;
    std::call_once(once, [] {
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
        Exiv2::XmpParser::initialize(lock_xmp, nullptr);
        Exiv2::enableBMFF(true); // HEIF and AVIF
    });
}

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\0' || s.back() == ' ' || s.back() == '\n'))
        s.pop_back();
    const auto first = s.find_first_not_of(" \n\t");
    return first == std::string::npos ? std::string{} : s.substr(first);
}

// Windows XP tags (XPAuthor, XPComment...) hold UCS-2 little-endian bytes.
std::string ucs2_bytes_to_utf8(const Exiv2::Value& value) {
    std::string out;
    const long n = value.count();
    for (long i = 0; i + 1 < n; i += 2) {
        const unsigned code = static_cast<unsigned>(value.toLong(i)) |
                              (static_cast<unsigned>(value.toLong(i + 1)) << 8);
        if (code == 0) break;
        append_utf8(out, code);
    }
    return out;
}

// Degrees from EXIF's three rationals (degrees, minutes, seconds).
bool exif_degrees(const Exiv2::Value& value, double& out) {
    if (value.count() < 3) return false;
    double parts[3];
    for (long i = 0; i < 3; ++i) {
        const Exiv2::Rational r = value.toRational(i);
        if (r.second == 0) return false;
        parts[i] = static_cast<double>(r.first) / r.second;
    }
    out = parts[0] + parts[1] / 60 + parts[2] / 3600;
    return std::isfinite(out);
}

// XMP writes a coordinate as "53,22.8677N" or "53,22,51N".
bool xmp_degrees(const std::string& text, double& out) {
    if (text.empty()) return false;
    const char hemisphere = text.back();
    double d = 0, m = 0, s = 0;
    const std::string body = text.substr(0, text.size() - 1);
    const int n = std::sscanf(body.c_str(), "%lf,%lf,%lf", &d, &m, &s);
    if (n < 2) return false;
    out = d + m / 60 + (n == 3 ? s / 3600 : 0);
    if (hemisphere == 'S' || hemisphere == 'W') out = -out;
    return std::isfinite(out);
}

// Text, and what is worth reading as text: strings, comments, XP tags; not numbers and blobs.
bool exif_text(const Exiv2::Exifdatum& d, std::string& out) {
    const std::string tag = d.tagName();
    if (d.groupName() == "Thumbnail") return false; // the thumbnail's own directory
    if (tag == "MakerNote" || tag.rfind("0x", 0) == 0) return false;
    if (tag.rfind("XP", 0) == 0 && d.typeId() == Exiv2::unsignedByte) {
        out = ucs2_bytes_to_utf8(d.value());
        return true;
    }
    switch (d.typeId()) {
    case Exiv2::asciiString:
        out = d.toString();
        return true;
    case Exiv2::comment:
        out = d.print(); // UserComment without its charset prefix
        return true;
    default:
        return false;
    }
}

void read_exif(const Exiv2::ExifData& exif, ImageMetadata& out) {
    for (const Exiv2::Exifdatum& d : exif) {
        if (d.groupName() == "Thumbnail") out.has_thumbnail = true;
        std::string text;
        if (!exif_text(d, text)) continue;
        text = trimmed(std::move(text));
        if (text.empty()) continue;
        out.entries.push_back({"EXIF " + d.groupName() + "." + d.tagName(), std::move(text)});
    }
    auto lat = exif.findKey(Exiv2::ExifKey("Exif.GPSInfo.GPSLatitude"));
    auto lon = exif.findKey(Exiv2::ExifKey("Exif.GPSInfo.GPSLongitude"));
    double latitude = 0, longitude = 0;
    if (lat != exif.end() && lon != exif.end() && exif_degrees(lat->value(), latitude) &&
        exif_degrees(lon->value(), longitude)) {
        auto lat_ref = exif.findKey(Exiv2::ExifKey("Exif.GPSInfo.GPSLatitudeRef"));
        auto lon_ref = exif.findKey(Exiv2::ExifKey("Exif.GPSInfo.GPSLongitudeRef"));
        if (lat_ref != exif.end() && lat_ref->toString().rfind('S', 0) == 0) latitude = -latitude;
        if (lon_ref != exif.end() && lon_ref->toString().rfind('W', 0) == 0) longitude = -longitude;
        out.entries.push_back({std::string("EXIF ") + gps_label, gps_text(latitude, longitude)});
    }
}

void read_xmp(const Exiv2::XmpData& xmp, ImageMetadata& out) {
    for (const Exiv2::Xmpdatum& d : xmp) {
        std::string text = trimmed(d.toString());
        // A language alternative prints as lang="x-default" Text.
        if (text.rfind("lang=\"", 0) == 0) {
            const auto close = text.find("\" ");
            if (close != std::string::npos) text = text.substr(close + 2);
        }
        if (text.empty()) continue;
        out.entries.push_back({"XMP " + d.groupName() + "." + d.tagName(), std::move(text)});
    }
    auto lat = xmp.findKey(Exiv2::XmpKey("Xmp.exif.GPSLatitude"));
    auto lon = xmp.findKey(Exiv2::XmpKey("Xmp.exif.GPSLongitude"));
    double latitude = 0, longitude = 0;
    if (lat != xmp.end() && lon != xmp.end() && xmp_degrees(lat->toString(), latitude) &&
        xmp_degrees(lon->toString(), longitude))
        out.entries.push_back({std::string("XMP ") + gps_label, gps_text(latitude, longitude)});
}

void read_iptc(const Exiv2::IptcData& iptc, ImageMetadata& out) {
    for (const Exiv2::Iptcdatum& d : iptc) {
        if (d.typeId() != Exiv2::string) continue;
        std::string text = trimmed(d.toString());
        if (text.empty()) continue;
        out.entries.push_back({"IPTC " + d.groupName() + "." + d.tagName(), std::move(text)});
    }
}

Exiv2::Image::AutoPtr open(std::string_view bytes) {
    auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(bytes.data()),
                                           static_cast<long>(bytes.size()));
    if (image.get()) image->readMetadata();
    return image;
}

} // namespace

std::string gps_text(double latitude, double longitude) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s %.6f, %.6f", gps_label, latitude, longitude);
    return buffer;
}

int image_orientation(std::string_view bytes) {
    init_exiv2();
    try {
        auto image = open(bytes);
        if (!image.get()) return 1;
        const Exiv2::ExifData& exif = image->exifData();
        auto it = exif.findKey(Exiv2::ExifKey("Exif.Image.Orientation"));
        if (it == exif.end() || it->count() < 1) return 1;
        const long value = it->toLong();
        return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
    } catch (...) {
        return 1; // metadata Exiv2 cannot read: shown as stored
    }
}

ImageMetadata read_image_metadata(std::string_view bytes) {
    init_exiv2();
    ImageMetadata out;
    try {
        auto image = open(bytes);
        if (!image.get()) {
            out.warnings.push_back("the image's metadata cannot be read");
            return out;
        }
        read_exif(image->exifData(), out);
        read_xmp(image->xmpData(), out);
        read_iptc(image->iptcData(), out);
        // A comment some formats carry outside EXIF (a JPEG COM segment, a PNG tEXt chunk).
        if (std::string comment = trimmed(image->comment()); !comment.empty())
            out.entries.push_back({"image comment", std::move(comment)});
        auto orientation = image->exifData().findKey(Exiv2::ExifKey("Exif.Image.Orientation"));
        if (orientation != image->exifData().end() && orientation->count() > 0) {
            const long value = orientation->toLong();
            if (value >= 1 && value <= 8) out.orientation = static_cast<int>(value);
        }
    } catch (const std::exception& e) {
        out.warnings.push_back(std::string("the image's metadata cannot be read: ") + e.what());
    } catch (...) {
        out.warnings.push_back("the image's metadata cannot be read");
    }
    return out;
}

} // namespace safesar::media

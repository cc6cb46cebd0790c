// read_image: a photograph or scan becomes one page per image page (every page of a TIFF, every
// image of a HEIF), each a PageText section of the words OCR reads with their boxes, so that
// export can show the picture with boxes burnt into its pixels and a text layer of the kept
// words, as for a scanned PDF page. What the file says about itself (EXIF, XMP, IPTC: camera
// owner, GPS position, dates, descriptions) becomes Metadata sections: read by detection, never
// disclosed (the bundle's page is made from the pixels alone).
#include "safesar/errors.hpp"
#include "safesar/gather.hpp"

#include "gather/ocr_section.hpp"
#include "gather/page_ocr.hpp"
#include "gather/record_budget.hpp"
#include "media/image_decode.hpp"
#include "media/image_metadata.hpp"

#include <algorithm>
#include <cmath>

namespace safesar {

namespace {

// Pixels Tesseract reads at most, as for PDF pages: a 50-megapixel photograph is read smaller.
constexpr std::size_t max_ocr_pixels = 36'000'000;
// The long side of a page in the bundle when the image says nothing sensible about its size:
// A4's, so a phone photo of a letter is shown at about the letter's size.
constexpr double a4_long_side = 842;

// The page's size in points: from the resolution the file states, and no larger than A4.
Box page_box(int width, int height, int resolution) {
    const double dpi = resolution >= 72 && resolution <= 2400 ? resolution : 72;
    double w = width * 72.0 / dpi, h = height * 72.0 / dpi;
    const double longest = std::max(w, h);
    if (longest > a4_long_side) {
        w *= a4_long_side / longest;
        h *= a4_long_side / longest;
    }
    return Box{0, 0, w, h};
}

// The size to decode at for OCR: the image's own, or smaller to stay under max_ocr_pixels.
media::DecodeOptions ocr_size(int width, int height) {
    media::DecodeOptions o;
    o.grey = true;
    const double pixels = static_cast<double>(width) * height;
    if (pixels > max_ocr_pixels) {
        const double k = std::sqrt(max_ocr_pixels / pixels);
        o.width = std::max(1, static_cast<int>(width * k));
        o.height = std::max(1, static_cast<int>(height * k));
    }
    return o;
}

Section page_section(int number) {
    Section s;
    s.kind = SectionKind::PageText;
    s.label = "page " + std::to_string(number);
    s.page = number;
    s.ocr = true;
    return s;
}

} // namespace

Record read_image(const std::string& name, std::string_view bytes, const GatherOptions& options) {
    const media::ImageFormat format = media::image_format(bytes);
    if (format == media::ImageFormat::Unknown)
        throw RecordError(name, "not an image format SafeSAR reads");
    int count = 0;
    try {
        count = media::image_page_count(bytes);
    } catch (const RecordError& e) {
        throw RecordError(name, e.reason());
    }

    Record r;
    r.name = name;
    r.kind = RecordKind::Image;
    r.mime_type = media::image_mime(format);
    const media::ImageMetadata meta = media::read_image_metadata(bytes);
    for (const media::MetadataEntry& e : meta.entries)
        r.sections.push_back({SectionKind::Metadata, e.label, e.text});
    r.warnings = meta.warnings;
    // A TIFF's second page sits where other formats keep a thumbnail.
    if (meta.has_thumbnail && format != media::ImageFormat::Tiff)
        r.warnings.push_back("the file carries an EXIF thumbnail; the bundle shows the image's own "
                             "pixels, never the thumbnail");

    std::vector<int> numbers(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        numbers[static_cast<std::size_t>(i)] = i + 1;
    r.pages.resize(static_cast<std::size_t>(count));
    std::vector<std::string> broken(static_cast<std::size_t>(count));

    // Every page is decoded here, OCR or not: a damaged page must fail now, not at export.
    auto decode = [&](std::size_t i) {
        throw_if_cancelled(options.cancel);
        const int index = static_cast<int>(i);
        try {
            // The size first, at a fraction of the cost for a huge page; then the real read.
            media::ImagePixels probe = media::decode_image_page(bytes, index, {true, 0, 0});
            PageInfo& info = r.pages[i];
            info.crop = page_box(probe.width, probe.height, probe.resolution);
            info.image_only = true;
            const media::DecodeOptions size = ocr_size(probe.width, probe.height);
            if (size.width > 0) probe = media::decode_image_page(bytes, index, size);
            return probe;
        } catch (const Cancelled&) {
            throw;
        } catch (const Error& e) {
            broken[i] = e.reason();
            throw;
        }
    };
    std::vector<PageOcrResult> results;
    if (options.ocr) {
        results = ocr_page_images(
            numbers,
            [&](std::size_t i) {
                media::ImagePixels pixels = decode(i);
                OcrImage out;
                out.image.width = pixels.width;
                out.image.height = pixels.height;
                out.image.pixels = std::move(pixels.pixels);
                const Box& crop = r.pages[i].crop;
                out.points_per_pixel = crop.width() / out.image.width;
                // Tesseract is told the page's density: its pixels over the page's inches.
                out.dpi = std::clamp(static_cast<int>(std::lround(72 / out.points_per_pixel)), 70,
                                     1200);
                return out;
            },
            OcrCache(options.ocr_cache), gather_detail::limits_of(options).ocr_page_seconds,
            gather_detail::budget_check(options, name));
    } else {
        for (std::size_t i = 0; i < numbers.size(); ++i) {
            try {
                decode(i);
            } catch (const Cancelled&) {
                throw;
            } catch (const Error&) {
            }
        }
    }
    for (int i = 0; i < count; ++i) {
        const auto k = static_cast<std::size_t>(i);
        if (!broken[k].empty())
            throw RecordError(name, (count > 1 ? "page " + std::to_string(i + 1) + ": " : "") +
                                        broken[k]);
    }
    for (int i = 0; i < count; ++i) {
        const auto k = static_cast<std::size_t>(i);
        Section page = page_section(i + 1);
        if (options.ocr) {
            const PageOcrResult& result = results[k];
            if (result.error.empty())
                add_ocr_words(result, {}, page, r.pages[k], r.warnings);
            else
                r.warnings.push_back("page " + std::to_string(i + 1) +
                                     " could not be OCR'd: " + result.error);
        }
        r.sections.push_back(std::move(page));
    }
    return r;
}

} // namespace safesar

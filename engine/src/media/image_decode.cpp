#include "media/image_decode.hpp"

#include "media/image_metadata.hpp"
#include "safesar/errors.hpp"

#include <leptonica/allheaders.h>
#include <libheif/heif.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

namespace safesar::media {

namespace {

struct PixFree {
    void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixFree>;

[[noreturn]] void fail(const std::string& reason) {
    throw RecordError("", reason);
}

void init_leptonica_and_heif() {
    static std::once_flag once;
    std::call_once(once, [] {
        setMsgSeverity(L_SEVERITY_NONE); // errors reach the caller as exceptions instead
        heif_init(nullptr);
    });
}

const l_uint8* data_of(std::string_view bytes) {
    return reinterpret_cast<const l_uint8*>(bytes.data());
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

void check_dimensions(long long width, long long height) {
    if (width <= 0 || height <= 0) fail("the image has no pixels (damaged?)");
    if (static_cast<unsigned long long>(width) * static_cast<unsigned long long>(height) >
        max_image_pixels)
        fail("the image is too large (" + std::to_string(width) + " x " + std::to_string(height) +
             " pixels; the limit is " + std::to_string(max_image_pixels / 1'000'000) +
             " megapixels)");
}

// The pages of a TIFF, by walking its chain of image directories (classic and BigTIFF).
int tiff_page_count(std::string_view bytes) {
    if (bytes.size() < 8) fail("a truncated TIFF image");
    const bool little = bytes[0] == 'I';
    auto read = [&](std::size_t at, int size) -> unsigned long long {
        if (at + static_cast<std::size_t>(size) > bytes.size()) fail("a truncated TIFF image");
        unsigned long long v = 0;
        for (int i = 0; i < size; ++i) {
            const auto b = static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
            v |= static_cast<unsigned long long>(b) << (8 * (little ? i : size - 1 - i));
        }
        return v;
    };
    const bool big = read(2, 2) == 43;
    unsigned long long offset = big ? read(8, 8) : read(4, 4);
    int pages = 0;
    std::vector<unsigned long long> seen;
    while (offset != 0) {
        if (std::find(seen.begin(), seen.end(), offset) != seen.end())
            fail("the TIFF's pages form a loop (damaged)");
        seen.push_back(offset);
        if (++pages > max_image_pages)
            fail("the TIFF has more than " + std::to_string(max_image_pages) + " pages");
        const unsigned long long entries = big ? read(offset, 8) : read(offset, 2);
        if (entries > bytes.size()) fail("a damaged TIFF image");
        const std::size_t next_at = offset + (big ? 8 + entries * 20 : 2 + entries * 12);
        offset = big ? read(next_at, 8) : read(next_at, 4);
    }
    if (pages == 0) fail("the TIFF has no pages");
    return pages;
}

// ---- HEIF ------------------------------------------------------------------------------

struct HeifContextFree {
    void operator()(heif_context* c) const { heif_context_free(c); }
};
struct HeifHandleFree {
    void operator()(heif_image_handle* h) const { heif_image_handle_release(h); }
};
struct HeifImageFree {
    void operator()(heif_image* i) const { heif_image_release(i); }
};

std::unique_ptr<heif_context, HeifContextFree> open_heif(std::string_view bytes) {
    std::unique_ptr<heif_context, HeifContextFree> ctx(heif_context_alloc());
    if (!ctx) fail("not enough memory to read the HEIF image");
    heif_error err =
        heif_context_read_from_memory_without_copy(ctx.get(), bytes.data(), bytes.size(), nullptr);
    if (err.code != heif_error_Ok)
        fail(std::string("not a readable HEIF image (damaged or truncated): ") + err.message);
    return ctx;
}

std::vector<heif_item_id> heif_pages(heif_context* ctx) {
    const int n = heif_context_get_number_of_top_level_images(ctx);
    if (n <= 0) fail("the HEIF file holds no image");
    if (n > max_image_pages)
        fail("the HEIF file holds more than " + std::to_string(max_image_pages) + " images");
    std::vector<heif_item_id> ids(static_cast<std::size_t>(n));
    heif_context_get_list_of_top_level_image_IDs(ctx, ids.data(), n);
    return ids;
}

PixPtr decode_heif(std::string_view bytes, int index) {
    auto ctx = open_heif(bytes);
    const auto ids = heif_pages(ctx.get());
    if (index < 0 || static_cast<std::size_t>(index) >= ids.size()) fail("no such image");
    heif_image_handle* raw_handle = nullptr;
    heif_error err = heif_context_get_image_handle(ctx.get(), ids[static_cast<std::size_t>(index)],
                                                   &raw_handle);
    if (err.code != heif_error_Ok) fail(std::string("the HEIF image cannot be read: ") + err.message);
    std::unique_ptr<heif_image_handle, HeifHandleFree> handle(raw_handle);
    check_dimensions(heif_image_handle_get_width(handle.get()),
                     heif_image_handle_get_height(handle.get()));
    heif_image* raw_image = nullptr;
    // libheif applies the file's own rotation and mirroring (irot, imir) while decoding.
    err = heif_decode_image(handle.get(), &raw_image, heif_colorspace_RGB,
                            heif_chroma_interleaved_RGB, nullptr);
    if (err.code != heif_error_Ok)
        fail(std::string("the HEIF image cannot be decoded (damaged or truncated): ") + err.message);
    std::unique_ptr<heif_image, HeifImageFree> image(raw_image);
    const int w = heif_image_get_width(image.get(), heif_channel_interleaved);
    const int h = heif_image_get_height(image.get(), heif_channel_interleaved);
    int stride = 0;
    const uint8_t* plane = heif_image_get_plane_readonly(image.get(), heif_channel_interleaved,
                                                         &stride);
    if (!plane || w <= 0 || h <= 0) fail("the HEIF image decoded to nothing");
    PixPtr pix(pixCreateNoInit(w, h, 32));
    if (!pix) fail("not enough memory for the image");
    for (int y = 0; y < h; ++y) {
        l_uint32* line = pixGetData(pix.get()) + y * pixGetWpl(pix.get());
        const uint8_t* row = plane + static_cast<std::size_t>(y) * static_cast<std::size_t>(stride);
        for (int x = 0; x < w; ++x)
            composeRGBPixel(row[3 * x], row[3 * x + 1], row[3 * x + 2], line + x);
    }
    return pix;
}

// ---- Leptonica formats -----------------------------------------------------------------

void check_header(std::string_view bytes, ImageFormat format, int index) {
    l_int32 w = 0, h = 0, bps = 0, spp = 0, res = 0, cmap = 0, fmt = 0;
    l_ok bad = format == ImageFormat::Tiff
                   ? readHeaderMemTiff(data_of(bytes), bytes.size(), index, &w, &h, &bps, &spp,
                                       &res, &cmap, &fmt)
                   : pixReadHeaderMem(data_of(bytes), bytes.size(), &fmt, &w, &h, &bps, &spp,
                                      &cmap);
    if (bad) fail("not a readable image (damaged or truncated)");
    check_dimensions(w, h);
}

// A file cut short is the commonest damage: caught here by its structure, before the decoder
// sees it (and prints its own complaint on stderr). A PNG's chunks must reach IEND; a JPEG's
// scan must reach its end-of-image marker (entropy-coded data never holds FF D9).
void check_complete(std::string_view bytes, ImageFormat format) {
    if (format == ImageFormat::Png) {
        std::size_t at = 8;
        for (;;) {
            if (at + 12 > bytes.size()) fail("a truncated PNG image (damaged or truncated)");
            const std::size_t length = static_cast<std::size_t>(
                static_cast<unsigned char>(bytes[at]) << 24 | static_cast<unsigned char>(bytes[at + 1]) << 16 |
                static_cast<unsigned char>(bytes[at + 2]) << 8 | static_cast<unsigned char>(bytes[at + 3]));
            if (bytes.substr(at + 4, 4) == "IEND") return;
            at += 12 + length;
        }
    }
    if (format == ImageFormat::Jpeg) {
        const auto scan = bytes.find("\xFF\xDA");
        const auto end = bytes.rfind("\xFF\xD9");
        if (scan == std::string_view::npos || end == std::string_view::npos || end < scan)
            fail("a truncated JPEG image (damaged or truncated)");
    }
}

PixPtr decode_leptonica(std::string_view bytes, ImageFormat format, int index) {
    check_complete(bytes, format);
    check_header(bytes, format, index);
    Pix* pix = nullptr;
    switch (format) {
    case ImageFormat::Jpeg: {
        l_int32 warnings = 0;
        // Without L_JPEG_CONTINUE_WITH_BAD_DATA, a truncated or corrupt JPEG fails.
        pix = pixReadMemJpeg(data_of(bytes), bytes.size(), 0, 1, &warnings, 0);
        if (pix && warnings > 0) pixDestroy(&pix);
        break;
    }
    case ImageFormat::Png:
        pix = pixReadMemPng(data_of(bytes), bytes.size());
        break;
    case ImageFormat::Tiff:
        pix = pixReadMemTiff(data_of(bytes), bytes.size(), index);
        break;
    default:
        pix = pixReadMem(data_of(bytes), bytes.size());
        break;
    }
    if (!pix) fail("the image cannot be decoded (damaged or truncated)");
    return PixPtr(pix);
}

// ---- from any Pix to what the caller asked for -----------------------------------------

PixPtr take(Pix* p) {
    if (!p) fail("not enough memory for the image");
    return PixPtr(p);
}

PixPtr normalise_depth(PixPtr pix) {
    if (pixGetColormap(pix.get()))
        pix = take(pixRemoveColormap(pix.get(), REMOVE_CMAP_BASED_ON_SRC));
    if (pixGetDepth(pix.get()) == 32) {
        if (pixGetSpp(pix.get()) == 4) pix = take(pixRemoveAlpha(pix.get())); // over white
        return pix;
    }
    return take(pixConvertTo8(pix.get(), 0));
}

PixPtr orient(PixPtr pix, int orientation) {
    switch (orientation) {
    case 2: return take(pixFlipLR(nullptr, pix.get()));
    case 3: return take(pixRotateOrth(pix.get(), 2));
    case 4: return take(pixFlipTB(nullptr, pix.get()));
    case 5: { // transpose: a quarter turn clockwise, then mirrored
        PixPtr turned = take(pixRotateOrth(pix.get(), 1));
        return take(pixFlipLR(nullptr, turned.get()));
    }
    case 6: return take(pixRotateOrth(pix.get(), 1));
    case 7: { // transverse
        PixPtr turned = take(pixRotateOrth(pix.get(), 1));
        return take(pixFlipTB(nullptr, turned.get()));
    }
    case 8: return take(pixRotateOrth(pix.get(), 3));
    default: return pix;
    }
}

bool has_colour(Pix* pix) {
    const int w = pixGetWidth(pix), h = pixGetHeight(pix);
    int coloured = 0;
    // Every fourth pixel of every fourth row: a coloured stamp or photo shows at once.
    for (int y = 0; y < h; y += 4) {
        const l_uint32* line = pixGetData(pix) + y * pixGetWpl(pix);
        for (int x = 0; x < w; x += 4) {
            l_int32 r = 0, g = 0, b = 0;
            extractRGBValues(line[x], &r, &g, &b);
            if (std::max({r, g, b}) - std::min({r, g, b}) > 20 && ++coloured >= 16) return true;
        }
    }
    return false;
}

ImagePixels to_pixels(Pix* pix, int resolution) {
    ImagePixels out;
    out.width = pixGetWidth(pix);
    out.height = pixGetHeight(pix);
    out.resolution = resolution;
    const int depth = pixGetDepth(pix);
    out.channels = depth == 32 ? 3 : 1;
    out.pixels.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) *
                      static_cast<std::size_t>(out.channels));
    std::uint8_t* dst = out.pixels.data();
    for (int y = 0; y < out.height; ++y) {
        const l_uint32* line = pixGetData(pix) + y * pixGetWpl(pix);
        for (int x = 0; x < out.width; ++x) {
            if (depth == 32) {
                l_int32 r = 0, g = 0, b = 0;
                extractRGBValues(line[x], &r, &g, &b);
                *dst++ = static_cast<std::uint8_t>(r);
                *dst++ = static_cast<std::uint8_t>(g);
                *dst++ = static_cast<std::uint8_t>(b);
            } else {
                *dst++ = static_cast<std::uint8_t>(GET_DATA_BYTE(line, x));
            }
        }
    }
    return out;
}

} // namespace

ImageFormat image_format(std::string_view b) {
    if (starts_with(b, "\xFF\xD8\xFF")) return ImageFormat::Jpeg;
    if (starts_with(b, "\x89PNG\r\n\x1A\n")) return ImageFormat::Png;
    if (starts_with(b, std::string_view("II*\0", 4)) || starts_with(b, std::string_view("MM\0*", 4)) ||
        starts_with(b, std::string_view("II+\0", 4)) || starts_with(b, std::string_view("MM\0+", 4)))
        return ImageFormat::Tiff;
    if (starts_with(b, "GIF87a") || starts_with(b, "GIF89a")) return ImageFormat::Gif;
    if (starts_with(b, "BM") && b.size() > 26) return ImageFormat::Bmp;
    if (starts_with(b, "RIFF") && b.size() > 12 && b.substr(8, 4) == "WEBP") return ImageFormat::WebP;
    if (b.size() > 12 && b.substr(4, 4) == "ftyp") {
        const std::string_view brand = b.substr(8, 4);
        for (std::string_view heif : {"heic", "heix", "heim", "heis", "hevc", "hevx", "mif1",
                                      "msf1", "avif"})
            if (brand == heif) return ImageFormat::Heif;
    }
    return ImageFormat::Unknown;
}

const char* image_mime(ImageFormat format) {
    switch (format) {
    case ImageFormat::Jpeg: return "image/jpeg";
    case ImageFormat::Png: return "image/png";
    case ImageFormat::Tiff: return "image/tiff";
    case ImageFormat::Gif: return "image/gif";
    case ImageFormat::Bmp: return "image/bmp";
    case ImageFormat::WebP: return "image/webp";
    case ImageFormat::Heif: return "image/heic";
    case ImageFormat::Unknown: break;
    }
    return "application/octet-stream";
}

int image_page_count(std::string_view bytes) {
    init_leptonica_and_heif();
    switch (image_format(bytes)) {
    case ImageFormat::Tiff: return tiff_page_count(bytes);
    case ImageFormat::Heif: {
        auto ctx = open_heif(bytes);
        return static_cast<int>(heif_pages(ctx.get()).size());
    }
    case ImageFormat::Unknown: fail("not an image format SafeSAR reads");
    default: return 1;
    }
}

ImagePixels decode_image_page(std::string_view bytes, int index, const DecodeOptions& options) {
    init_leptonica_and_heif();
    const ImageFormat format = image_format(bytes);
    if (format == ImageFormat::Unknown) fail("not an image format SafeSAR reads");
    if (index < 0 || (format != ImageFormat::Tiff && format != ImageFormat::Heif && index > 0))
        fail("no such page");
    PixPtr pix = format == ImageFormat::Heif ? decode_heif(bytes, index)
                                             : decode_leptonica(bytes, format, index);
    const int resolution = pixGetXRes(pix.get());
    pix = normalise_depth(std::move(pix));
    // libheif has turned a HEIF upright already; the others say how in their EXIF.
    if (format != ImageFormat::Heif) pix = orient(std::move(pix), image_orientation(bytes));
    if (options.width > 0 && options.height > 0 &&
        (options.width != pixGetWidth(pix.get()) || options.height != pixGetHeight(pix.get()))) {
        check_dimensions(options.width, options.height);
        pix = take(pixScaleToSize(pix.get(), options.width, options.height));
    }
    if (pixGetDepth(pix.get()) == 32 && (options.grey || !has_colour(pix.get())))
        pix = take(pixConvertRGBToLuminance(pix.get()));
    return to_pixels(pix.get(), resolution);
}

} // namespace safesar::media

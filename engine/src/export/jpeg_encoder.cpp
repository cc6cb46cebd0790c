#include "export/jpeg_encoder.hpp"

#include "safesar/errors.hpp"

#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <jpeglib.h>

namespace safesar::exporting {

namespace {
// libjpeg's default error handler calls exit(): jump back out instead.
struct ErrorManager {
    jpeg_error_mgr base;
    std::jmp_buf jump;
};

void on_error(j_common_ptr info) {
    auto* manager = reinterpret_cast<ErrorManager*>(info->err);
    std::longjmp(manager->jump, 1);
}

// Plain C state only between setjmp and longjmp: nothing here has a destructor to skip.
bool compress(const std::uint8_t* pixels, int width, int height, int components, int quality,
              unsigned char** out, unsigned long* out_size) {
    jpeg_compress_struct info;
    ErrorManager errors;
    info.err = jpeg_std_error(&errors.base);
    errors.base.error_exit = on_error;
    if (setjmp(errors.jump)) {
        jpeg_destroy_compress(&info);
        return false;
    }
    jpeg_create_compress(&info);
    jpeg_mem_dest(&info, out, out_size);
    info.image_width = static_cast<JDIMENSION>(width);
    info.image_height = static_cast<JDIMENSION>(height);
    info.input_components = components;
    info.in_color_space = components == 1 ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, quality, TRUE);
    jpeg_start_compress(&info, TRUE);
    const std::size_t stride =
        static_cast<std::size_t>(width) * static_cast<std::size_t>(components);
    while (info.next_scanline < info.image_height) {
        JSAMPROW row = const_cast<JSAMPROW>(pixels + info.next_scanline * stride);
        jpeg_write_scanlines(&info, &row, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    return true;
}
} // namespace

std::string encode_jpeg(const std::uint8_t* pixels, int width, int height, int components,
                        int quality) {
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    bool ok = compress(pixels, width, height, components, quality, &buffer, &size);
    std::string result;
    if (ok && buffer) result.assign(reinterpret_cast<const char*>(buffer), size);
    std::free(buffer);
    if (!ok) throw ExportError("", "JPEG compression failed");
    return result;
}

} // namespace safesar::exporting

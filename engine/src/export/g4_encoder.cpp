#include "export/g4_encoder.hpp"

#include "safesar/errors.hpp"

#include <tiffio.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace safesar::exporting {

namespace {
// libtiff writes a whole TIFF file; this keeps it in memory so no page image touches the disk.
struct MemoryFile {
    std::string bytes;
    toff_t pos = 0;
};

tsize_t mem_read(thandle_t h, tdata_t buf, tsize_t size) {
    auto* f = static_cast<MemoryFile*>(h);
    const auto n = static_cast<tsize_t>(std::min<toff_t>(
        static_cast<toff_t>(size), f->pos < f->bytes.size() ? f->bytes.size() - f->pos : 0));
    std::memcpy(buf, f->bytes.data() + f->pos, static_cast<std::size_t>(n));
    f->pos += static_cast<toff_t>(n);
    return n;
}

tsize_t mem_write(thandle_t h, tdata_t buf, tsize_t size) {
    auto* f = static_cast<MemoryFile*>(h);
    const auto n = static_cast<std::size_t>(size);
    if (f->pos + n > f->bytes.size()) f->bytes.resize(f->pos + n);
    std::memcpy(f->bytes.data() + f->pos, buf, n);
    f->pos += n;
    return size;
}

toff_t mem_seek(thandle_t h, toff_t off, int whence) {
    auto* f = static_cast<MemoryFile*>(h);
    if (whence == SEEK_CUR) off += f->pos;
    if (whence == SEEK_END) off += f->bytes.size();
    f->pos = off;
    return off;
}

int mem_close(thandle_t) {
    return 0;
}
toff_t mem_size(thandle_t h) {
    return static_cast<MemoryFile*>(h)->bytes.size();
}
int mem_map(thandle_t, tdata_t*, toff_t*) {
    return 0;
}
void mem_unmap(thandle_t, tdata_t, toff_t) {}

// libtiff reports through global handlers; their messages would reach the user's terminal.
void quiet(const char*, const char*, va_list) {}

struct TiffCloser {
    void operator()(TIFF* t) const { TIFFClose(t); }
};
} // namespace

std::string encode_g4(const std::uint8_t* bits, int width, int height) {
    TIFFSetErrorHandler(quiet);
    TIFFSetWarningHandler(quiet);
    MemoryFile file;
    std::unique_ptr<TIFF, TiffCloser> tif(TIFFClientOpen("page", "w", &file, mem_read, mem_write,
                                                         mem_seek, mem_close, mem_size, mem_map,
                                                         mem_unmap));
    if (!tif) throw ExportError("", "libtiff cannot start a G4 image");
    TIFF* t = tif.get();
    TIFFSetField(t, TIFFTAG_IMAGEWIDTH, static_cast<std::uint32_t>(width));
    TIFFSetField(t, TIFFTAG_IMAGELENGTH, static_cast<std::uint32_t>(height));
    TIFFSetField(t, TIFFTAG_BITSPERSAMPLE, 1);
    TIFFSetField(t, TIFFTAG_SAMPLESPERPIXEL, 1);
    TIFFSetField(t, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISWHITE);
    TIFFSetField(t, TIFFTAG_FILLORDER, FILLORDER_MSB2LSB);
    TIFFSetField(t, TIFFTAG_COMPRESSION, COMPRESSION_CCITTFAX4);
    TIFFSetField(t, TIFFTAG_ROWSPERSTRIP, static_cast<std::uint32_t>(height)); // one strip
    const std::size_t stride = (static_cast<std::size_t>(width) + 7) / 8;
    const tsize_t total = static_cast<tsize_t>(stride * static_cast<std::size_t>(height));
    // libtiff's encoder takes a non-const buffer but does not change it.
    if (TIFFWriteEncodedStrip(t, 0, const_cast<std::uint8_t*>(bits), total) < 0 ||
        !TIFFWriteDirectory(t))
        throw ExportError("", "libtiff cannot encode a G4 image");
    tif.reset();
    // Read back as a TIFF: the strip's raw bytes are exactly the G4 stream a PDF wants.
    file.pos = 0;
    std::unique_ptr<TIFF, TiffCloser> in(TIFFClientOpen("page", "rm", &file, mem_read, mem_write,
                                                        mem_seek, mem_close, mem_size, mem_map,
                                                        mem_unmap));
    const tmsize_t raw = in ? TIFFRawStripSize(in.get(), 0) : -1;
    if (raw <= 0) throw ExportError("", "libtiff wrote a G4 image it cannot read back");
    std::string out(static_cast<std::size_t>(raw), '\0');
    if (TIFFReadRawStrip(in.get(), 0, out.data(), raw) != raw)
        throw ExportError("", "libtiff wrote a G4 image it cannot read back");
    return out;
}

} // namespace safesar::exporting

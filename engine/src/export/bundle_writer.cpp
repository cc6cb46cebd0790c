#include "export/bundle_writer.hpp"

#include "core/utf8.hpp"
#include "export/podofo.hpp"
#include "safesar/errors.hpp"

#include <algorithm>
#include <cmath>

namespace safesar::exporting {

namespace {
using PoDoFo::PdfPainter;

const char* filter_name(ImageFilter filter) {
    switch (filter) {
    case ImageFilter::Dct:
        return "DCTDecode";
    case ImageFilter::G4:
        return "CCITTFaxDecode";
    case ImageFilter::Flate:
        break;
    }
    return "FlateDecode";
}

void set_ink(PdfPainter& painter, Ink ink) {
    switch (ink) {
    case Ink::Black:
        painter.SetColor(0, 0, 0);
        break;
    case Ink::Grey:
        painter.SetColor(0.38, 0.38, 0.38);
        break;
    case Ink::White:
        painter.SetColor(1, 1, 1);
        break;
    case Ink::Red:
        painter.SetColor(0.75, 0.05, 0.05);
        break;
    }
}

// Draws printable text from (x, y) along the text's x axis, one run per font, each `scale`
// percent as wide as the font draws it.
void draw_runs(PdfPainter& painter, const FontFace& face, double size, double scale, double x,
               double y, const std::string& printable) {
    for (const FontRun& run : face.runs(printable)) {
        run.font->SetFontSize(static_cast<float>(size));
        run.font->SetFontScale(static_cast<float>(scale));
        run.font->SetFontCharSpace(0);
        painter.SetFont(run.font);
        painter.DrawText(x, y, pdf_text(run.text));
        x += face.width(run.text, size) * scale / 100;
    }
}

void draw_string(PdfPainter& painter, const FontFace& face, double size, double x, double y,
                 const std::string& printable) {
    if (!printable.empty()) draw_runs(painter, face, size, 100, x, y, printable);
}

// The longest start of `printable` that fits `width`, with an ellipsis when cut.
std::string fit(const FontFace& face, const std::string& printable, double size, double width) {
    if (face.width(printable, size) <= width) return printable;
    const std::string ellipsis = "\xE2\x80\xA6";
    std::string out;
    for (std::size_t pos = 0; pos < printable.size();) {
        std::size_t start = pos;
        next_code_point(printable, pos);
        std::string longer = out + printable.substr(start, pos - start);
        if (face.width(longer + ellipsis, size) > width) break;
        out = std::move(longer);
    }
    return out + ellipsis;
}

class PageWriter {
  public:
    PageWriter(PoDoFo::PdfDocument& document, const Fonts& fonts, const BundlePlan& plan,
               bool draft)
        : document_(document), fonts_(fonts), plan_(plan), draft_(draft) {}

    void text_page(const PlannedPage& page, int number, int total) {
        PoDoFo::PdfPage* pdf_page =
            document_.CreatePage(PoDoFo::PdfRect(0, 0, page.width, page.height));
        PdfPainter painter;
        painter.SetPage(pdf_page);
        for (const DrawnRule& rule : page.text.rules) {
            painter.SetStrokingGray(0.6);
            painter.SetStrokeWidth(0.5);
            painter.DrawLine(rule.x0, page.height - rule.y - 3, rule.x1, page.height - rule.y - 3);
        }
        for (const DrawnText& t : page.text.texts) {
            const FontFace& face = t.face == Face::Bold ? fonts_.bold : fonts_.regular;
            double y = page.height - t.baseline;
            if (t.token) {
                // The box is as wide for every name; the redacted text is not in the layout at all.
                painter.SetColor(0, 0, 0);
                double bottom = y + face.descent() * t.size - 1;
                painter.Rectangle(t.x, bottom, t.box_width,
                                  (face.ascent() - face.descent()) * t.size + 2);
                painter.Fill();
                double w = face.width(t.text, t.size);
                set_ink(painter, Ink::White);
                draw_string(painter, face, t.size, t.x + (t.box_width - w) / 2, y, t.text);
                continue;
            }
            set_ink(painter, t.ink);
            draw_string(painter, face, t.size, t.x, y, t.text);
        }
        band(painter, page, number, total);
        painter.FinishPage();
    }

    void raster_page(const PlannedPage& page, const RasterResult& raster, int number, int total) {
        const EncodedImage& e = raster.image;
        // The image goes first: a streamed document writes one stream at a time.
        PoDoFo::PdfImage image(&document_);
        image.SetImageColorSpace(e.colour ? PoDoFo::ePdfColorSpace_DeviceRGB
                                          : PoDoFo::ePdfColorSpace_DeviceGray);
        PoDoFo::PdfDictionary& dict = image.GetObject()->GetDictionary();
        dict.AddKey(PoDoFo::PdfName::KeyFilter, PoDoFo::PdfName(filter_name(e.filter)));
        if (e.filter == ImageFilter::G4) {
            // Group 4 (K < 0), 1 for white after decoding, as libtiff's min-is-white data is.
            PoDoFo::PdfDictionary parms;
            parms.AddKey("K", static_cast<PoDoFo::pdf_int64>(-1));
            parms.AddKey("Columns", static_cast<PoDoFo::pdf_int64>(e.width));
            parms.AddKey("Rows", static_cast<PoDoFo::pdf_int64>(e.height));
            dict.AddKey("DecodeParms", parms);
        }
        PoDoFo::PdfMemoryInputStream stream(e.data.data(),
                                            static_cast<PoDoFo::pdf_long>(e.data.size()));
        image.SetImageDataRaw(static_cast<unsigned>(e.width), static_cast<unsigned>(e.height),
                              static_cast<unsigned>(e.bits_per_component), &stream);

        PoDoFo::PdfPage* pdf_page =
            document_.CreatePage(PoDoFo::PdfRect(0, 0, page.width, page.height));
        PdfPainter painter;
        painter.SetPage(pdf_page);
        double image_x = (page.width - page.source_width) / 2;
        painter.DrawImage(image_x, band_bottom, &image, page.source_width / e.width,
                          page.source_height / e.height);
        band(painter, page, number, total);

        // The text layer: invisible (render mode 3), only the kept words, each stretched to its
        // box so extraction finds the same spaces and reading order as in the source.
        painter.Save();
        painter.SetTextRenderingMode(PoDoFo::ePdfTextRenderingMode_Invisible);
        PageView view(*plan_.spans[page.record], page.source_page);
        std::vector<KeptWord> words = view.kept_words();
        std::vector<Orientation> orientations;
        int vertical = 0, horizontal = 0;
        for (const KeptWord& word : words) {
            orientations.push_back(orientation_of(word));
            vertical += orientations.back() == Orientation::Vertical;
            horizontal += orientations.back() == Orientation::Horizontal;
        }
        // A word too short to tell (a box as tall as wide) stands like most words of its page.
        bool mostly_vertical = vertical > horizontal;
        for (std::size_t i = 0; i < words.size(); ++i) {
            bool upright = orientations[i] == Orientation::Unclear
                               ? mostly_vertical
                               : orientations[i] == Orientation::Vertical;
            place_word(painter, page, image_x, words[i], upright);
        }
        painter.Restore();
        painter.SetTextRenderingMode(PoDoFo::ePdfTextRenderingMode_Fill);
        painter.FinishPage();
    }

  private:
    enum class Orientation { Horizontal, Vertical, Unclear };

    // The stretch a word needs to fill its box lying down and standing up (1 = none).
    struct Fit {
        double size_h, scale_h, size_v, scale_v;
    };
    Fit fit_of(const std::string& printable, const Box& b) const {
        const FontFace& face = fonts_.regular;
        const double em_height = face.ascent() - face.descent();
        Fit f{};
        f.size_h = b.height() / em_height;
        f.size_v = b.width() / em_height;
        f.scale_h = b.width() / std::max(1e-6, face.width(printable, f.size_h));
        f.scale_v = b.height() / std::max(1e-6, face.width(printable, f.size_v));
        return f;
    }

    // Rotated pages have words standing on end: whichever reading needs the stretch nearest to
    // none wins, when it wins clearly.
    Orientation orientation_of(const KeptWord& word) const {
        std::string text = fonts_.regular.printable(word.text);
        if (text.empty() || word.box.width() <= 0 || word.box.height() <= 0)
            return Orientation::Unclear;
        Fit f = fit_of(text, word.box);
        double h = std::abs(std::log(f.scale_h)), v = std::abs(std::log(f.scale_v));
        if (v + 0.3 < h) return Orientation::Vertical;
        if (h + 0.3 < v) return Orientation::Horizontal;
        return Orientation::Unclear;
    }

    void place_word(PdfPainter& painter, const PlannedPage& page, double image_x,
                    const KeptWord& word, bool vertical) {
        const FontFace& face = fonts_.regular;
        std::string text = face.printable(word.text);
        const Box& b = word.box;
        if (text.empty() || b.width() <= 0 || b.height() <= 0) return;
        Fit f = fit_of(text, b);
        double size = vertical ? f.size_v : f.size_h;
        // The source's own size when it is known and plausible: pdftotext joins lines into a
        // paragraph only while their baselines are under 1.5 font sizes apart, and the size that
        // fills the box with DejaVu's tall ascent is smaller than the source's, so paragraphs
        // fell apart into lines read across the columns of a page.
        if (word.font_size > 0 && word.font_size > 0.5 * size && word.font_size < 2 * size)
            size = word.font_size;
        const double length = vertical ? b.height() : b.width();
        const double scale = std::clamp(length / std::max(1e-6, face.width(text, size)), 0.1, 10.0);
        const double top = band_bottom + page.source_height; // the source page's top edge
        // From the baseline to the middle of the glyph box: the glyphs are centred across the
        // word's box, which they fill exactly when the size came from the box.
        const double centre = (face.ascent() + face.descent()) / 2 * size;
        if (!vertical) {
            draw_runs(painter, face, size, scale * 100, image_x + b.x0,
                      top - (b.y0 + b.y1) / 2 - centre, text);
        } else if (!page.reads_upward) {
            painter.Save(); // reads downwards: the text's x axis points down the page
            painter.SetTransformationMatrix(0, -1, 1, 0, image_x + (b.x0 + b.x1) / 2 - centre,
                                            top - b.y0);
            draw_runs(painter, face, size, scale * 100, 0, 0, text);
            painter.Restore();
        } else {
            painter.Save(); // reads upwards
            painter.SetTransformationMatrix(0, 1, -1, 0, image_x + (b.x0 + b.x1) / 2 + centre,
                                            top - b.y1);
            draw_runs(painter, face, size, scale * 100, 0, 0, text);
            painter.Restore();
        }
    }

    void band(PdfPainter& painter, const PlannedPage& page, int number, int total) {
        const double w = page.width, h = page.height;
        const double margin = std::min(40.0, w * 0.07);
        double title_width = w - 2 * margin;
        if (draft_) {
            std::string text = fonts_.bold.printable(draft_banner);
            double tw = fonts_.bold.width(text, 8);
            double bw = tw + 12;
            painter.SetColor(0.75, 0.05, 0.05);
            painter.Rectangle(w - margin - bw, h - 26, bw, 17);
            painter.Fill();
            set_ink(painter, Ink::White);
            draw_string(painter, fonts_.bold, 8, w - margin - bw + 6, h - 20.5, text);
            title_width -= bw + 10;
        }
        set_ink(painter, Ink::Black);
        draw_string(painter, fonts_.bold, 10, margin, h - 19,
                    fit(fonts_.bold, fonts_.bold.printable(page.band_title), 10, title_width));
        set_ink(painter, Ink::Grey);
        draw_string(
            painter, fonts_.regular, 8, margin, h - 32,
            fit(fonts_.regular, fonts_.regular.printable(page.band_detail), 8, w - 2 * margin));
        painter.SetStrokingGray(0.6);
        painter.SetStrokeWidth(0.5);
        painter.DrawLine(margin, h - band_top + 4, w - margin, h - band_top + 4);

        std::string footer =
            fit(fonts_.regular,
                fonts_.regular.printable(footer_text(plan_.reference, draft_, number, total)), 8,
                w - 2 * margin);
        double fw = fonts_.regular.width(footer, 8);
        set_ink(painter, draft_ ? Ink::Red : Ink::Grey);
        draw_string(painter, fonts_.regular, 8, (w - fw) / 2, 11, footer);
    }

    PoDoFo::PdfDocument& document_;
    const Fonts& fonts_;
    const BundlePlan& plan_;
    bool draft_;
};
} // namespace

void write_bundle_pages(PoDoFo::PdfDocument& document, const Fonts& fonts, const BundlePlan& plan,
                        bool draft, RasterPipeline& pipeline, WriteStats& stats,
                        const std::function<void(int, int)>& on_page_done,
                        const std::atomic<bool>* cancel) {
    PageWriter writer(document, fonts, plan, draft);
    const int total = static_cast<int>(plan.pages.size());
    std::size_t raster_index = 0;
    for (std::size_t i = 0; i < plan.pages.size(); ++i) {
        throw_if_cancelled(cancel);
        const PlannedPage& page = plan.pages[i];
        int number = static_cast<int>(i) + 1;
        if (page.kind == PageKind::Text) {
            writer.text_page(page, number, total);
        } else {
            RasterResult raster;
            ++raster_index; // the job of this page: pages and jobs are in the same order
            try {
                raster = pipeline.next();
            } catch (const Cancelled&) {
                throw;
            } catch (const std::exception& e) {
                // One page Poppler cannot draw (or that runs out of memory) costs that page.
                PlannedPage notice = page;
                notice.kind = PageKind::Text;
                notice.width = PageFrame{}.width;
                notice.height = PageFrame{}.height;
                notice.text = plan.unshown_page;
                writer.text_page(notice, number, total);
                const auto* error = dynamic_cast<const Error*>(&e);
                stats.omissions.push_back({plan.raster_jobs.at(raster_index - 1).record->name,
                                           "page " + std::to_string(page.source_page) +
                                               " not shown: it could not be rendered (" +
                                               (error ? error->reason() : std::string(e.what())) +
                                               ")"});
                ++stats.pages;
                if (on_page_done) on_page_done(stats.pages, total);
                continue;
            }
            writer.raster_page(page, raster, number, total);
            ++stats.raster_pages;
            stats.render_seconds += raster.render_seconds;
            stats.encode_seconds += raster.encode_seconds;
            stats.image_bytes += raster.image.data.size();
            ++stats.image_methods[raster.image.method];
        }
        ++stats.pages;
        if (on_page_done) on_page_done(stats.pages, total);
    }
}

} // namespace safesar::exporting

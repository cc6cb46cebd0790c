#include "pdf_extras.hpp"

#include <poppler.h>

#include <memory>
#include <string>

// glib's casting macros are C casts.
#pragma GCC diagnostic ignored "-Wold-style-cast"

namespace safesar {

namespace {

std::string take(gchar* s) {
    std::string out = s ? s : "";
    g_free(s);
    return out;
}

Box to_box(const PopplerRectangle& r, double page_height) {
    // poppler-glib mapping areas have their origin at the bottom left.
    return Box{std::min(r.x1, r.x2), page_height - std::max(r.y1, r.y2), std::max(r.x1, r.x2),
               page_height - std::min(r.y1, r.y2)};
}

void add(std::vector<Section>& out, SectionKind kind, const std::string& label,
         const std::string& text, int page, const Box& area) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return;
    Section s;
    s.kind = kind;
    s.label = label;
    s.text = text;
    s.page = page;
    s.area = area;
    out.push_back(std::move(s));
}

void read_annots(PopplerPage* page, int number, double height, std::vector<Section>& out) {
    GList* list = poppler_page_get_annot_mapping(page);
    for (GList* l = list; l; l = l->next) {
        auto* m = static_cast<PopplerAnnotMapping*>(l->data);
        PopplerAnnot* a = m->annot;
        if (poppler_annot_get_annot_type(a) == POPPLER_ANNOT_WIDGET) continue; // form fields
        const Box area = to_box(m->area, height);
        const std::string where = " p" + std::to_string(number);
        add(out, SectionKind::Annotation, "annotation" + where,
            take(poppler_annot_get_contents(a)), number, area);
        if (POPPLER_IS_ANNOT_MARKUP(a)) {
            auto* mk = POPPLER_ANNOT_MARKUP(a);
            add(out, SectionKind::Annotation, "annotation author" + where,
                take(poppler_annot_markup_get_label(mk)), number, area);
            add(out, SectionKind::Annotation, "annotation subject" + where,
                take(poppler_annot_markup_get_subject(mk)), number, area);
        }
    }
    poppler_page_free_annot_mapping(list);
}

void read_fields(PopplerPage* page, int number, double height, std::vector<Section>& out) {
    GList* list = poppler_page_get_form_field_mapping(page);
    for (GList* l = list; l; l = l->next) {
        auto* m = static_cast<PopplerFormFieldMapping*>(l->data);
        PopplerFormField* f = m->field;
        const Box area = to_box(m->area, height);
        const std::string where = " p" + std::to_string(number);
        std::string value;
        switch (poppler_form_field_get_field_type(f)) {
        case POPPLER_FORM_FIELD_TEXT: value = take(poppler_form_field_text_get_text(f)); break;
        case POPPLER_FORM_FIELD_CHOICE:
            for (int i = 0, n = poppler_form_field_choice_get_n_items(f); i < n; ++i)
                if (poppler_form_field_choice_is_item_selected(f, i))
                    value += take(poppler_form_field_choice_get_item(f, i)) + "\n";
            value += take(poppler_form_field_choice_get_text(f));
            break;
        default: break;
        }
        add(out, SectionKind::FormField, "form field" + where, value, number, area);
        add(out, SectionKind::FormField, "form field tooltip" + where,
            take(poppler_form_field_get_alternate_ui_name(f)), number, area);
    }
    poppler_page_free_form_field_mapping(list);
}

} // namespace

std::vector<Section> read_annotations_and_fields(const std::vector<char>& data,
                                                 std::vector<std::string>& warnings) {
    std::vector<Section> out;
    GBytes* bytes = g_bytes_new(data.data(), data.size());
    GError* error = nullptr;
    PopplerDocument* doc = poppler_document_new_from_bytes(bytes, nullptr, &error);
    g_bytes_unref(bytes);
    if (!doc) {
        warnings.push_back(std::string("annotations and form fields not read: ") +
                           (error ? error->message : "unknown error"));
        if (error) g_error_free(error);
        return out;
    }
    for (int i = 0, n = poppler_document_get_n_pages(doc); i < n; ++i) {
        PopplerPage* page = poppler_document_get_page(doc, i);
        if (!page) continue;
        double width = 0, height = 0;
        poppler_page_get_size(page, &width, &height);
        read_annots(page, i + 1, height, out);
        read_fields(page, i + 1, height, out);
        g_object_unref(page);
    }
    g_object_unref(doc);
    return out;
}

} // namespace safesar

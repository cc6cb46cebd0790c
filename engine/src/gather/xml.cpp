#include "gather/xml.hpp"

#include "safesar/errors.hpp"

#include <libxml/parser.h>

#include <climits>
#include <mutex>

namespace safesar::gather_detail {

namespace {

// No XML_PARSE_NOENT (entity substitution), XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR,
// XML_PARSE_XINCLUDE or XML_PARSE_HUGE: libxml2's default size and depth limits stay on.
constexpr int kOptions =
    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;

void init_once() {
    static std::once_flag once;
    std::call_once(once, [] { xmlInitParser(); });
}

std::string_view view(const xmlChar* s) {
    return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view{};
}

void check_size(std::string_view bytes, const std::string& name, const std::string& part) {
    if (bytes.size() > static_cast<std::size_t>(INT_MAX))
        throw RecordError(name, "the part " + part + " is too large to read");
}

[[noreturn]] void refuse_dtd(const std::string& name, const std::string& part) {
    throw RecordError(name, "the XML part " + part +
                                " declares a DTD, which office files never do (an XML entity "
                                "attack?); not read");
}

void append_text(const xmlNode* node, std::string& out, int depth) {
    if (depth > 1000) return; // libxml2 refuses deeper trees; a guard for our own recursion
    for (const xmlNode* c = node->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
            out += view(c->content);
        else if (c->type == XML_ELEMENT_NODE)
            append_text(c, out, depth + 1);
        // XML_ENTITY_REF_NODE and everything else: never followed
    }
}

// A DOCTYPE can only come before the root element; refusing it before parsing means an entity
// bomb is never even declared to libxml2.
void check_no_doctype(std::string_view bytes, const std::string& name, const std::string& part) {
    std::size_t at = 0;
    while ((at = bytes.find('<', at)) != std::string_view::npos) {
        const std::string_view rest = bytes.substr(at);
        if (rest.substr(0, 9) == "<!DOCTYPE") refuse_dtd(name, part);
        if (rest.substr(0, 2) == "<?") {
            at = bytes.find("?>", at);
        } else if (rest.substr(0, 4) == "<!--") {
            at = bytes.find("-->", at);
        } else {
            return; // the root element: no DOCTYPE may follow
        }
        if (at == std::string_view::npos) return;
        ++at;
    }
}

} // namespace

XmlDoc xml_parse(std::string_view bytes, const std::string& name, const std::string& part) {
    init_once();
    check_size(bytes, name, part);
    check_no_doctype(bytes, name, part);
    XmlDoc doc(xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                             kOptions));
    if (!doc) throw RecordError(name, "the XML part " + part + " is malformed or truncated");
    if (doc->intSubset || doc->extSubset) refuse_dtd(name, part);
    if (!xmlDocGetRootElement(doc.get()))
        throw RecordError(name, "the XML part " + part + " has no root element");
    return doc;
}

xmlNode* xml_root(const XmlDoc& doc) {
    return xmlDocGetRootElement(doc.get());
}

std::string_view xml_name(const xmlNode* node) {
    return node ? view(node->name) : std::string_view{};
}

bool xml_is(const xmlNode* node, std::string_view local) {
    return node && node->type == XML_ELEMENT_NODE && view(node->name) == local;
}

xmlNode* xml_child(const xmlNode* node, std::string_view local) {
    if (!node) return nullptr;
    for (xmlNode* c = node->children; c; c = c->next)
        if (xml_is(c, local)) return c;
    return nullptr;
}

std::vector<xmlNode*> xml_children(const xmlNode* node, std::string_view local) {
    std::vector<xmlNode*> out;
    if (!node) return out;
    for (xmlNode* c = node->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && (local.empty() || view(c->name) == local))
            out.push_back(c);
    return out;
}

std::string xml_attr(const xmlNode* node, std::string_view local) {
    if (!node || node->type != XML_ELEMENT_NODE) return {};
    for (const xmlAttr* a = node->properties; a; a = a->next) {
        if (view(a->name) != local) continue;
        std::string out;
        for (const xmlNode* c = a->children; c; c = c->next)
            if (c->type == XML_TEXT_NODE) out += view(c->content);
        return out;
    }
    return {};
}

bool xml_has_attr(const xmlNode* node, std::string_view local) {
    if (!node || node->type != XML_ELEMENT_NODE) return false;
    for (const xmlAttr* a = node->properties; a; a = a->next)
        if (view(a->name) == local) return true;
    return false;
}

std::string xml_text(const xmlNode* node) {
    std::string out;
    if (node) append_text(node, out, 0);
    return out;
}

XmlStream::XmlStream(std::string_view bytes, const std::string& name, const std::string& part)
    : name_(name), part_(part) {
    init_once();
    check_size(bytes, name, part);
    check_no_doctype(bytes, name, part);
    reader_ = xmlReaderForMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                                 kOptions);
    if (!reader_) throw RecordError(name, "the XML part " + part + " cannot be read");
}

XmlStream::~XmlStream() {
    if (reader_) xmlFreeTextReader(reader_);
}

bool XmlStream::next() {
    const int r = xmlTextReaderRead(reader_);
    if (r < 0) throw RecordError(name_, "the XML part " + part_ + " is malformed or truncated");
    if (r == 0) return false;
    if (xmlTextReaderNodeType(reader_) == XML_READER_TYPE_DOCUMENT_TYPE) refuse_dtd(name_, part_);
    return true;
}

bool XmlStream::is_start(std::string_view local) const {
    return xmlTextReaderNodeType(reader_) == XML_READER_TYPE_ELEMENT && local_name() == local;
}

bool XmlStream::is_end(std::string_view local) const {
    const int type = xmlTextReaderNodeType(reader_);
    if (local_name() != local) return false;
    return type == XML_READER_TYPE_END_ELEMENT ||
           (type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement(reader_) == 1);
}

bool XmlStream::is_text() const {
    const int type = xmlTextReaderNodeType(reader_);
    return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
           type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE;
}

bool XmlStream::empty_element() const {
    return xmlTextReaderIsEmptyElement(reader_) == 1;
}

int XmlStream::depth() const {
    return xmlTextReaderDepth(reader_);
}

std::string_view XmlStream::local_name() const {
    return view(xmlTextReaderConstLocalName(reader_));
}

std::string_view XmlStream::value() const {
    return view(xmlTextReaderConstValue(reader_));
}

std::string XmlStream::attr(std::string_view local) const {
    std::string out;
    if (xmlTextReaderMoveToFirstAttribute(reader_) != 1) return out;
    do {
        if (view(xmlTextReaderConstLocalName(reader_)) == local) {
            out = std::string(view(xmlTextReaderConstValue(reader_)));
            break;
        }
    } while (xmlTextReaderMoveToNextAttribute(reader_) == 1);
    xmlTextReaderMoveToElement(reader_);
    return out;
}

std::string XmlStream::element_text() {
    std::string out;
    if (empty_element()) return out;
    const int start = depth();
    while (next()) {
        const int type = xmlTextReaderNodeType(reader_);
        if (type == XML_READER_TYPE_END_ELEMENT && depth() == start) break;
        if (is_text()) out += value();
    }
    return out;
}

} // namespace safesar::gather_detail

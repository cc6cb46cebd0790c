// Private: XML parts of office files read with libxml2, safely: no network, no DTD loading, no
// entity substitution, and a part that declares a DTD at all is refused (office formats never
// do; entity tricks such as XXE and "billion laughs" need one). Two ways in: a tree for small
// parts (a document body, a workbook), a forward-only reader for parts that can be huge (a
// worksheet, the shared strings), so memory stays bounded.
#pragma once

#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace safesar::gather_detail {

struct XmlDocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

// Throws RecordError(name, ...) naming `part` when the XML is malformed or declares a DTD.
XmlDoc xml_parse(std::string_view bytes, const std::string& name, const std::string& part);

xmlNode* xml_root(const XmlDoc& doc);

// An element whose local name (prefix ignored: OOXML has two sets of namespaces) is `local`.
bool xml_is(const xmlNode* node, std::string_view local);
std::string_view xml_name(const xmlNode* node); // local name
// The first child element named `local`, or null.
xmlNode* xml_child(const xmlNode* node, std::string_view local);
// Child elements, all or those named `local`.
std::vector<xmlNode*> xml_children(const xmlNode* node, std::string_view local = {});
// An attribute by local name, whatever its namespace; empty when absent.
std::string xml_attr(const xmlNode* node, std::string_view local);
bool xml_has_attr(const xmlNode* node, std::string_view local);
// Every text node under `node`, in document order (entity references are never followed).
std::string xml_text(const xmlNode* node);

// The forward-only reader.
class XmlStream {
  public:
    XmlStream(std::string_view bytes, const std::string& name, const std::string& part);
    ~XmlStream();
    XmlStream(const XmlStream&) = delete;
    XmlStream& operator=(const XmlStream&) = delete;

    // Moves to the next node; false at the end. Throws RecordError on malformed XML or a DTD.
    bool next();
    bool is_start(std::string_view local) const; // an opening (or empty) element named `local`
    bool is_end(std::string_view local) const;   // a closing element, or an empty one
    bool is_text() const;                        // text, CDATA or significant whitespace
    bool empty_element() const;
    int depth() const;
    std::string_view local_name() const;
    std::string_view value() const; // text of a text node
    std::string attr(std::string_view local) const;
    // The text under the current element up to its end (the reader ends on its closing tag).
    std::string element_text();

  private:
    xmlTextReader* reader_ = nullptr;
    std::string name_, part_;
};

} // namespace safesar::gather_detail

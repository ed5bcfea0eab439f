#include "office/package.hpp"

#include <zip.h>

#include "core/archive_limits.hpp"
#include "portfolio/fsys.hpp"

namespace lilo::office {

struct Package::Impl {
    zip_t* zip = nullptr;
};

std::unique_ptr<Package> Package::open(std::string_view bytes, std::string& error)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
    if (!src) { error = "cannot be read (" + std::string(zip_error_strerror(&ze)) + ")"; zip_error_fini(&ze); return nullptr; }
    zip_t* zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
    if (!zip) {
        zip_source_free(src);
        zip_error_fini(&ze);
        error = "is not a zip archive, so not a Word or OpenDocument file (save it again from Word or LibreOffice)";
        return nullptr;
    }
    zip_error_fini(&ze);
    const zip_int64_t n = zip_get_num_entries(zip, 0);
    if (n < 0 || static_cast<std::uint64_t>(n) > archive_max_entries) {
        zip_close(zip);
        error = "holds " + std::to_string(n) + " entries; lilo reads archives of at most " + std::to_string(archive_max_entries);
        return nullptr;
    }
    std::unique_ptr<Package> p(new Package());
    p->m = std::make_unique<Impl>();
    p->m->zip = zip;
    return p;
}

Package::~Package()
{
    if (m && m->zip) zip_discard(m->zip);
}

bool Package::has(const std::string& part) const { return zip_name_locate(m->zip, part.c_str(), 0) >= 0; }

std::optional<std::string> Package::read(const std::string& part, std::string& error) const
{
    const zip_int64_t index = zip_name_locate(m->zip, part.c_str(), 0);
    if (index < 0) { error = "has no " + part; return std::nullopt; }
    zip_stat_t st;
    if (zip_stat_index(m->zip, static_cast<zip_uint64_t>(index), 0, &st) != 0) { error = part + ": " + zip_strerror(m->zip); return std::nullopt; }
    // The same rule as `lilo verify`: past 1 MB, at most archive_max_ratio to 1.
    if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) && st.size > 1024 * 1024 &&
        st.size / std::max<zip_uint64_t>(st.comp_size, 1) > archive_max_ratio) {
        error = part + " unpacks " + std::to_string(st.size / std::max<zip_uint64_t>(st.comp_size, 1)) +
                " to 1 (a zip bomb?); lilo reads at most " + std::to_string(archive_max_ratio) + " to 1";
        return std::nullopt;
    }
    const std::string too_large = part + " unpacks to more than " + megabytes(default_max_text_bytes) + "; lilo reads document parts up to that";
    if ((st.valid & ZIP_STAT_SIZE) && st.size > default_max_text_bytes) { error = too_large; return std::nullopt; }
    zip_file_t* f = zip_fopen_index(m->zip, static_cast<zip_uint64_t>(index), 0);
    if (!f) { error = part + ": " + zip_strerror(m->zip); return std::nullopt; }
    std::string out;
    char buf[65536];
    // The size in the directory may lie: the bytes read are what is held to the limit.
    for (zip_int64_t got; (got = zip_fread(f, buf, sizeof buf)) != 0;) {
        if (got < 0 || out.size() + static_cast<std::size_t>(got) > default_max_text_bytes) {
            error = got < 0 ? part + ": " + zip_file_strerror(f) : too_large;
            zip_fclose(f);
            return std::nullopt;
        }
        out.append(buf, static_cast<std::size_t>(got));
    }
    zip_fclose(f);
    return out;
}

bool Package::xml(const std::string& part, pugi::xml_document& doc, std::string& error) const
{
    auto bytes = read(part, error);
    if (!bytes) return false;
    // pugixml neither reads a DTD nor expands entities other than XML's own.
    const pugi::xml_parse_result r =
        doc.load_buffer(bytes->data(), bytes->size(), pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype, pugi::encoding_auto);
    if (!r) {
        error = part + " is not well-formed XML (" + r.description() + " at byte " + std::to_string(r.offset) + ")";
        return false;
    }
    // Office files never carry a DTD; one declaring entities is an attack (billion laughs), not a document.
    int depth = 0, deepest = 0;
    for (pugi::xml_node n = doc.first_child(); n;) {
        if (n.type() == pugi::node_doctype) {
            error = part + " declares a DOCTYPE, which Word and OpenDocument files never do; lilo does not read it";
            return false;
        }
        if (n.first_child()) {
            n = n.first_child();
            if (++depth > deepest) deepest = depth;
            if (deepest > max_xml_depth) {
                error = part + " nests elements more than " + std::to_string(max_xml_depth) + " deep; lilo does not read it";
                return false;
            }
            continue;
        }
        while (n && !n.next_sibling()) { n = n.parent(); --depth; }
        if (n) n = n.next_sibling();
    }
    return true;
}

std::string inner_text(const pugi::xml_node& node)
{
    std::string out;
    // Iterative: a deep tree cannot exhaust the stack.
    pugi::xml_node n = node.first_child();
    while (n && n != node) {
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) out += n.value();
        if (n.first_child()) { n = n.first_child(); continue; }
        while (n && n != node && !n.next_sibling()) n = n.parent();
        if (n && n != node) n = n.next_sibling();
    }
    return out;
}

std::string_view local_name(const pugi::xml_node& node)
{
    const std::string_view name = node.name();
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

} // namespace lilo::office

#pragma once
// The zip archive a .docx or .odt is, opened from its bytes with the limits
// `lilo verify` puts on a bundle (entries, ratio), each XML part within the
// text limit and parsed by pugixml (no DTD, no entities beyond XML's five:
// an entity bomb has nothing to expand).
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace lilo::office {

// Deeper than this, a document is refused rather than walked.
inline constexpr int max_xml_depth = 256;

class Package {
public:
    // Null, with `error` set, when the bytes are not a zip archive lilo reads.
    static std::unique_ptr<Package> open(std::string_view bytes, std::string& error);
    ~Package();
    Package(const Package&) = delete;
    Package& operator=(const Package&) = delete;

    bool has(const std::string& part) const;
    // A part's bytes; nothing (and `error`) when absent, too large or a bomb.
    std::optional<std::string> read(const std::string& part, std::string& error) const;
    // A part parsed as XML; false (and `error`) when absent or not well-formed.
    bool xml(const std::string& part, pugi::xml_document& doc, std::string& error) const;

private:
    Package() = default;
    struct Impl;
    std::unique_ptr<Impl> m;
};

// The text of every descendant text node, in order.
std::string inner_text(const pugi::xml_node& node);
// The part of a qualified name after its prefix ("w:p" → "p").
std::string_view local_name(const pugi::xml_node& node);

} // namespace lilo::office

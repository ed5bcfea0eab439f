#pragma once
// YAML to JSON, keeping where each value stood, so that a schema error can
// be reported at a file and line rather than as a JSON path.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lilo {

struct SourceMark {
    int line = 0;   // 1-based; 0 when unknown
    int column = 0; // 1-based
};

struct YamlDoc {
    nlohmann::json value;
    // JSON Pointer ("" for the root, "/mentor/name") → where the value stood.
    std::unordered_map<std::string, SourceMark> marks;
    // The same pointers → where the key stood (for a missing child: its parent's key).
    std::unordered_map<std::string, SourceMark> key_marks;

    // The mark of `pointer`, or of its nearest ancestor that has one.
    SourceMark mark_of(std::string pointer) const;
    SourceMark key_mark_of(const std::string& pointer) const;
    // Where a reader looks for a setting: the key's line for a mapping or a
    // list (`mentor:`), the value's line for a scalar (`since: 2026-01-08`).
    int line_of(const std::string& pointer) const;
};

struct YamlProblem {
    std::string code;    // "yaml-syntax", "yaml-duplicate-key", "yaml-too-deep", "yaml-too-large"
    std::string message;
    SourceMark mark;
};

struct YamlLimits {
    int max_depth = 64;              // nesting of maps and lists
    std::size_t max_nodes = 200000;  // after alias expansion ("billion laughs")
};

struct YamlParse {
    std::optional<YamlDoc> doc;          // absent when the text could not be read as YAML
    std::vector<YamlProblem> problems;   // a syntax error, or duplicate keys beside a usable doc
};

// `first_line` is the file line of text's first line (front matter starts at 2).
YamlParse parse_yaml(std::string_view text, int first_line = 1, const YamlLimits& limits = {});

// "/a/b~1c" from {"a", "b/c"}.
std::string json_pointer_append(const std::string& base, std::string_view token);

} // namespace lilo

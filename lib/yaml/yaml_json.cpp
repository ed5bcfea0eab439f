#include "yaml/yaml_json.hpp"
#include "yaml/plain_errors.hpp"

#include <charconv>
#include <regex>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

namespace lilo {
namespace {

struct TooLarge {};
struct TooDeep { YAML::Mark mark; };

class Converter {
public:
    Converter(int first_line, const YamlLimits& limits, YamlDoc& doc, std::vector<YamlProblem>& problems)
        : m_first_line(first_line), m_limits(limits), m_doc(doc), m_problems(problems) {}

    nlohmann::json convert(const YAML::Node& node, const std::string& ptr, int depth)
    {
        if (++m_nodes > m_limits.max_nodes) throw TooLarge{};
        if (depth > m_limits.max_depth) throw TooDeep{node.Mark()};
        m_doc.marks[ptr] = mark(node.Mark());
        switch (node.Type()) {
        case YAML::NodeType::Map: {
            nlohmann::json obj = nlohmann::json::object();
            for (const auto& kv : node) {
                const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
                const std::string child = json_pointer_append(ptr, key);
                if (obj.contains(key)) {
                    m_problems.push_back({"yaml-duplicate-key", "duplicate key '" + key + "' (the first one is used)",
                                          mark(kv.first.Mark())});
                    continue;
                }
                m_doc.key_marks[child] = mark(kv.first.Mark());
                obj[key] = convert(kv.second, child, depth + 1);
            }
            return obj;
        }
        case YAML::NodeType::Sequence: {
            nlohmann::json arr = nlohmann::json::array();
            std::size_t i = 0;
            for (const auto& item : node) {
                const std::string child = ptr + "/" + std::to_string(i++);
                m_doc.key_marks[child] = mark(item.Mark());
                arr.push_back(convert(item, child, depth + 1));
            }
            return arr;
        }
        case YAML::NodeType::Scalar: return scalar(node);
        default: return nullptr;
        }
    }

private:
    int m_first_line;
    const YamlLimits& m_limits;
    YamlDoc& m_doc;
    std::vector<YamlProblem>& m_problems;
    std::size_t m_nodes = 0;

    SourceMark mark(const YAML::Mark& m) const
    {
        if (m.is_null()) return {};
        return {m.line + m_first_line, m.column + 1};
    }

    // The YAML 1.2 core schema: plain scalars may be null, booleans or
    // numbers; quoted ones are always strings.
    static nlohmann::json scalar(const YAML::Node& node)
    {
        const std::string& s = node.Scalar();
        if (node.Tag() == "!") return s; // quoted
        if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return nullptr;
        if (s == "true" || s == "True" || s == "TRUE") return true;
        if (s == "false" || s == "False" || s == "FALSE") return false;
        static const std::regex int_re("^[-+]?[0-9]+$");
        static const std::regex float_re(R"(^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$)");
        if (std::regex_match(s, int_re)) {
            long long v = 0;
            const char* b = s.data() + (s[0] == '+' ? 1 : 0);
            auto [p, ec] = std::from_chars(b, s.data() + s.size(), v);
            if (ec == std::errc() && p == s.data() + s.size()) return v;
        }
        if (std::regex_match(s, int_re) || std::regex_match(s, float_re)) {
            // Numbers too large for a double (found by fuzzing: std::stod threw)
            // stay text, which the schema then reports where a number belongs.
            double d = 0;
            const char* b = s.data() + (s[0] == '+' ? 1 : 0);
            auto [p, ec] = std::from_chars(b, s.data() + s.size(), d);
            if (ec == std::errc() && p == s.data() + s.size()) return d;
            return s;
        }
        return s;
    }
};

} // namespace

std::string json_pointer_append(const std::string& base, std::string_view token)
{
    std::string out = base;
    out += '/';
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

SourceMark YamlDoc::mark_of(std::string pointer) const
{
    for (;;) {
        auto it = marks.find(pointer);
        if (it != marks.end() && it->second.line > 0) return it->second;
        if (pointer.empty()) return {};
        pointer.erase(pointer.rfind('/'));
    }
}

SourceMark YamlDoc::key_mark_of(const std::string& pointer) const
{
    auto it = key_marks.find(pointer);
    if (it != key_marks.end() && it->second.line > 0) return it->second;
    return mark_of(pointer);
}

int YamlDoc::line_of(const std::string& pointer) const
{
    try {
        const nlohmann::json::json_pointer jp(pointer);
        if (value.contains(jp) && value.at(jp).is_structured()) return key_mark_of(pointer).line;
    } catch (const nlohmann::json::exception&) {
    }
    return mark_of(pointer).line;
}

YamlParse parse_yaml(std::string_view text, int first_line, const YamlLimits& limits)
{
    YamlParse out;
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::ParserException& e) {
        std::string msg = e.msg;
        if (dynamic_cast<const YAML::DeepRecursion*>(&e) != nullptr) {
            out.problems.push_back({"yaml-too-deep", "nested more deeply than lilo reads (" + std::to_string(limits.max_depth) + " levels)",
                                    {e.mark.line + first_line, e.mark.column + 1}});
            return out;
        }
        out.problems.push_back(plain_syntax_error(text, msg, e.mark.is_null() ? -1 : e.mark.line, e.mark.is_null() ? 0 : e.mark.column, first_line));
        return out;
    } catch (const YAML::Exception& e) {
        out.problems.push_back(plain_syntax_error(text, e.msg, -1, 0, first_line));
        return out;
    }
    YamlDoc doc;
    std::vector<YamlProblem> problems;
    Converter conv(first_line, limits, doc, problems);
    try {
        doc.value = conv.convert(root, "", 0);
    } catch (const TooLarge&) {
        out.problems.push_back({"yaml-too-large", "expands to more than " + std::to_string(limits.max_nodes) +
                                " values (aliases repeated too often?)", {first_line, 1}});
        return out;
    } catch (const TooDeep& d) {
        out.problems.push_back({"yaml-too-deep", "nested more deeply than lilo reads (" + std::to_string(limits.max_depth) + " levels)",
                                {d.mark.line + first_line, d.mark.column + 1}});
        return out;
    }
    out.doc = std::move(doc);
    out.problems = std::move(problems);
    return out;
}

} // namespace lilo

#include "core/dump_json.hpp"
#include "yaml/schema.hpp"

#include <map>
#include <mutex>
#include <stdexcept>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "core/resources.hpp"
#include "text/utf8.hpp"

namespace lilo {

struct SchemaValidator::Impl {
    nlohmann::json schema_json;
    valijson::Schema schema;
};

namespace {

// Follows a JSON Pointer through the schema (properties, items,
// additionalProperties, $ref to #/definitions) to the subschema that
// describes that value.
const nlohmann::json* subschema(const nlohmann::json& root, const nlohmann::json& doc, const std::vector<std::string>& tokens)
{
    const nlohmann::json* s = &root;
    const nlohmann::json* d = &doc;
    auto deref = [&](const nlohmann::json* x) {
        for (int i = 0; i < 8 && x && x->is_object() && x->contains("$ref"); ++i) {
            const std::string ref = (*x)["$ref"].get<std::string>();
            if (!ref.starts_with("#/")) return x;
            nlohmann::json::json_pointer p(ref.substr(1));
            x = root.contains(p) ? &root[p] : nullptr;
        }
        return x;
    };
    s = deref(s);
    for (const auto& t : tokens) {
        if (!s || !s->is_object()) return nullptr;
        if (d && d->is_array()) {
            s = s->contains("items") ? &(*s)["items"] : nullptr;
            const auto idx = static_cast<std::size_t>(std::stoul(t));
            d = idx < d->size() ? &(*d)[idx] : nullptr;
        } else {
            if (s->contains("properties") && (*s)["properties"].contains(t)) s = &(*s)["properties"][t];
            else if (s->contains("additionalProperties") && (*s)["additionalProperties"].is_object()) s = &(*s)["additionalProperties"];
            else return nullptr;
            d = (d && d->is_object() && d->contains(t)) ? &(*d)[t] : nullptr;
        }
        s = deref(s);
    }
    return s;
}

std::string dotted(const std::vector<std::string>& tokens, const nlohmann::json& doc)
{
    std::string out;
    const nlohmann::json* d = &doc;
    for (const auto& t : tokens) {
        if (d && d->is_array()) {
            out += "[" + t + "]";
            const auto idx = static_cast<std::size_t>(std::stoul(t));
            d = idx < d->size() ? &(*d)[idx] : nullptr;
        } else {
            if (!out.empty()) out += '.';
            out += t;
            d = (d && d->is_object() && d->contains(t)) ? &(*d)[t] : nullptr;
        }
    }
    return out;
}

// The last quoted word of a valijson message: "… constraints: 'shcool'." → shcool.
std::string last_quoted(const std::string& s)
{
    const auto b = s.rfind('\'');
    if (b == std::string::npos || b == 0) return {};
    const auto a = s.rfind('\'', b - 1);
    return a == std::string::npos ? std::string() : s.substr(a + 1, b - a - 1);
}

std::string type_name(const nlohmann::json& v)
{
    if (v.is_null()) return "empty";
    if (v.is_boolean()) return "true/false";
    if (v.is_number()) return "a number";
    if (v.is_string()) return "text";
    if (v.is_array()) return "a list";
    return "a mapping";
}

std::string expected_type(const nlohmann::json* sub)
{
    if (!sub || !sub->contains("type")) return {};
    const auto& t = (*sub)["type"];
    auto one = [](const std::string& n) -> std::string {
        if (n == "string") return "text";
        if (n == "integer") return "a whole number";
        if (n == "number") return "a number";
        if (n == "boolean") return "true or false";
        if (n == "array") return "a list";
        if (n == "object") return "a mapping";
        return n;
    };
    if (t.is_string()) return one(t.get<std::string>());
    return {};
}

} // namespace

SchemaValidator::SchemaValidator(std::string_view schema_text) : m_impl(std::make_unique<Impl>())
{
    m_impl->schema_json = nlohmann::json::parse(schema_text);
    valijson::SchemaParser parser;
    valijson::adapters::NlohmannJsonAdapter adapter(m_impl->schema_json);
    parser.populateSchema(adapter, m_impl->schema);
}

SchemaValidator::~SchemaValidator() = default;

const nlohmann::json& SchemaValidator::schema() const { return m_impl->schema_json; }

namespace {
// The first string (key or value) that is not UTF-8, as a JSON Pointer.
std::optional<std::string> invalid_utf8_at(const nlohmann::json& v, const std::string& ptr)
{
    if (v.is_string()) return find_invalid_utf8(v.get_ref<const std::string&>()) ? std::optional<std::string>(ptr) : std::nullopt;
    if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (find_invalid_utf8(it.key())) return ptr;
            if (auto p = invalid_utf8_at(*it, json_pointer_append(ptr, it.key()))) return p;
        }
    } else if (v.is_array()) {
        for (std::size_t i = 0; i < v.size(); ++i)
            if (auto p = invalid_utf8_at(v[i], ptr + "/" + std::to_string(i))) return p;
    }
    return std::nullopt;
}
} // namespace

std::vector<SchemaError> SchemaValidator::validate(const YamlDoc& doc) const
{
    // valijson measures string lengths assuming UTF-8 and reads past the end
    // of a truncated sequence (found by fuzzing): it never sees such text.
    if (auto at = invalid_utf8_at(doc.value, "")) return {{*at, "not UTF-8 text", doc.mark_of(*at)}};
    valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter target(doc.value);
    std::vector<SchemaError> out;
    if (validator.validate(m_impl->schema, target, &results)) return out;

    struct Raw { std::vector<std::string> tokens; std::string description; };
    std::vector<Raw> raws;
    valijson::ValidationResults::Error err;
    while (results.popError(err)) {
        Raw r;
        for (const auto& c : err.context) {
            if (c == "<root>") continue;
            if (c.size() >= 2 && c.front() == '[' && c.back() == ']') r.tokens.push_back(c.substr(1, c.size() - 2));
        }
        r.description = err.description;
        raws.push_back(std::move(r));
    }
    // valijson also reports each failing parent ("Failed to validate against
    // schema associated with property name …"); keep only the root causes.
    for (const auto& r : raws) {
        if (r.description.starts_with("Failed to validate") || r.description.starts_with("Failed to match against any child schemas") ||
            r.description.starts_with("Failed to validate against child schema"))
            continue;
        std::string pointer;
        for (const auto& t : r.tokens) pointer = json_pointer_append(pointer, t);
        const std::string where = dotted(r.tokens, doc.value);
        const nlohmann::json* sub = subschema(m_impl->schema_json, doc.value, r.tokens);
        const nlohmann::json* value = nullptr;
        try { value = doc.value.contains(nlohmann::json::json_pointer(pointer)) ? &doc.value.at(nlohmann::json::json_pointer(pointer)) : nullptr; }
        catch (const std::exception&) { value = nullptr; }
        std::string what;
        SourceMark mark = doc.mark_of(pointer);
        const std::string& d = r.description;
        if (d.starts_with("Missing required property")) {
            const std::string name = last_quoted(d);
            what = where.empty() ? "missing '" + name + "'" : where + ": missing '" + name + "'";
            mark = pointer.empty() ? SourceMark{1, 1} : doc.key_mark_of(pointer);
            pointer = json_pointer_append(pointer, name);
        } else if (d.starts_with("Object contains a property that could not be validated")) {
            const std::string name = last_quoted(d);
            const std::string child = json_pointer_append(pointer, name);
            what = (where.empty() ? "" : where + ": ") + "unknown field '" + name + "'";
            mark = doc.key_mark_of(child);
            pointer = child;
        } else {
            std::string expect;
            if (d.starts_with("Value type not permitted")) {
                const std::string t = expected_type(sub);
                expect = t.empty() ? "has the wrong type" : "should be " + t + (value ? ", not " + type_name(*value) : "");
            } else if (d.find("enum") != std::string::npos && sub && sub->contains("enum")) {
                expect = "should be one of:";
                bool first = true;
                for (const auto& e : (*sub)["enum"]) { expect += (first ? " " : ", ") + dump_json(e); first = false; }
            } else if (sub && sub->contains("const")) {
                expect = "should be " + dump_json((*sub)["const"]);
            } else if (sub && sub->contains("description") && (d.find("regex") != std::string::npos || d.find("pattern") != std::string::npos)) {
                expect = "should be " + (*sub)["description"].get<std::string>();
            } else if ((d.find("minimum") != std::string::npos || d.find("greater than") != std::string::npos) && sub && sub->contains("exclusiveMinimum")) {
                expect = "should be more than " + dump_json((*sub)["exclusiveMinimum"]);
            } else if ((d.find("minimum") != std::string::npos || d.find("greater than") != std::string::npos) && sub && sub->contains("minimum")) {
                expect = "should be at least " + dump_json((*sub)["minimum"]);
            } else if ((d.find("maximum") != std::string::npos || d.find("less than") != std::string::npos) && sub && sub->contains("maximum")) {
                expect = "should be at most " + dump_json((*sub)["maximum"]);
            } else if (d.find("String should be no shorter") != std::string::npos || d.find("minLength") != std::string::npos) {
                expect = "should not be empty";
            } else {
                expect = d;
                if (!expect.empty() && expect.back() == '.') expect.pop_back();
            }
            what = (where.empty() ? "" : where + ": ") + expect;
        }
        out.push_back({pointer, what, mark});
    }
    if (out.empty() && !raws.empty()) out.push_back({"", raws.front().description, {1, 1}});
    return out;
}

const SchemaValidator& embedded_validator(std::string_view name)
{
    static std::mutex mu;
    static std::map<std::string, std::unique_ptr<SchemaValidator>, std::less<>> cache;
    std::lock_guard lock(mu);
    auto it = cache.find(name);
    if (it != cache.end()) return *it->second;
    const auto text = embedded_resource(name);
    if (!text) throw std::runtime_error("no embedded schema " + std::string(name));
    auto [pos, _] = cache.emplace(std::string(name), std::make_unique<SchemaValidator>(*text));
    return *pos->second;
}

} // namespace lilo

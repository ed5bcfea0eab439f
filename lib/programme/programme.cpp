#include "programme/programme.hpp"

#include "rules/kinds.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/report.hpp"
#include "core/resources.hpp"
#include "rules/kinds.hpp"
#include "text/near.hpp"
#include "text/utf8.hpp"
#include "yaml/schema.hpp"
#include "yaml/yaml_json.hpp"

namespace fs = std::filesystem;

namespace lilo {
namespace {

struct Layer {
    std::string label;     // "built-in lilo-certificate" or the path
    nlohmann::json value;
    YamlDoc doc;
    std::string dir;       // where the files it extends are named from
    bool built_in = false; // one of lilo's programmes (a file's label may be anything)
};

std::string builtin_name(std::string_view id) { return "programmes/" + std::string(id) + ".yaml"; }

void merge(nlohmann::json& base, const nlohmann::json& over, const std::string& ptr,
           std::map<std::string, std::string>& origins, const std::string& label)
{
    for (auto it = over.begin(); it != over.end(); ++it) {
        const std::string child = json_pointer_append(ptr, it.key());
        if (it->is_object() && base.contains(it.key()) && base[it.key()].is_object()) {
            merge(base[it.key()], *it, child, origins, label);
        } else {
            base[it.key()] = *it;
            // Everything below a replaced value now comes from this layer.
            for (auto o = origins.lower_bound(child); o != origins.end() && o->first.starts_with(child);)
                o = origins.erase(o);
            origins[child] = label;
        }
    }
}

void record_origins(const nlohmann::json& v, const std::string& ptr, std::map<std::string, std::string>& origins, const std::string& label)
{
    if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it) record_origins(*it, json_pointer_append(ptr, it.key()), origins, label);
    } else {
        origins[ptr] = label;
    }
}

// "requirements.R6: unknown field 'min_entries'" says which parameters the
// requirement's kind takes (the schema's `then` block for the kind lists
// them), or, where the file does not give the kind, the parameter it is
// closest to: another kind's parameter, or a typo, is then found at once.
std::string with_kind_parameters(const SchemaError& e, const nlohmann::json& programme)
{
    static const std::string prefix = "/requirements/";
    if (!e.pointer.starts_with(prefix) || e.message.find("unknown field") == std::string::npos) return e.message;
    const auto slash = e.pointer.find('/', prefix.size());
    if (slash == std::string::npos || e.pointer.find('/', slash + 1) != std::string::npos) return e.message;
    const std::string id = e.pointer.substr(prefix.size(), slash - prefix.size());
    const std::string name = e.pointer.substr(slash + 1);
    const nlohmann::json& schema = embedded_validator("programme.schema.json").schema();
    const nlohmann::json& requirement = schema["definitions"]["requirement"];
    const auto& reqs = programme["requirements"];
    if (reqs.is_object() && reqs.contains(id) && reqs[id].is_object() && reqs[id].contains("kind") && reqs[id]["kind"].is_string()) {
        const std::string kind = reqs[id]["kind"].get<std::string>();
        for (const auto& block : requirement["allOf"]) {
            if (block["if"]["properties"]["kind"]["const"] != kind || !block["then"].contains("properties")) continue;
            std::vector<std::string> takes;
            for (const auto& [param, _] : block["then"]["properties"].items())
                if (param != "kind" && param != "title") takes.push_back(param);
            const std::string near = closest(name, takes);
            std::string list;
            for (const auto& t : takes) list += ", " + t;
            return e.message + (near.empty() ? "" : ": did you mean '" + near + "'?") + " (a requirement of kind " + kind + " takes: title" + list + ")";
        }
    }
    std::vector<std::string> known;
    for (const auto& [param, _] : requirement["properties"].items()) known.push_back(param);
    const std::string near = closest(name, known);
    return near.empty() ? e.message : e.message + ": did you mean '" + near + "'?";
}

// A built-in programme is not validated as it loads: tests validate every
// one against the schema (tests/unit/test_programme_programme.cpp), and
// building the schema's validator was a quarter of a check's work.
enum class Validate { yes, built_in };
Layer parse_layer(std::string text, const std::string& file_label, Validate validate = Validate::yes);

Layer read_layer(const std::string& ref, const std::string& dir, const ProgrammeReader& read, std::string& canonical_key)
{
    if (!programme_ref_is_path(ref)) {
        const auto data = embedded_resource(builtin_name(ref));
        if (!data) {
            std::string known;
            for (const auto& id : builtin_programmes()) known += (known.empty() ? "" : ", ") + id;
            throw ProgrammeError("", 0, "unknown programme '" + ref + "' (built-in: " + known + "; or give the path of a programme file)");
        }
        canonical_key = "builtin:" + ref;
        Layer layer = parse_layer(std::string(*data), "built-in " + ref, Validate::built_in);
        layer.built_in = true;
        return layer;
    }
    ProgrammeText file = read(ref, dir);
    canonical_key = file.key;
    if (auto bad = find_invalid_utf8(file.text)) throw ProgrammeError(file.label, line_of_offset(file.text, *bad), "not UTF-8 text");
    Layer layer = parse_layer(std::move(file.text), file.label);
    layer.dir = std::move(file.dir);
    return layer;
}

// A programme file's text, parsed and validated against the schema.
Layer parse_layer(std::string text, const std::string& file_label, Validate validate)
{
    Layer layer;
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    YamlParse parsed = parse_yaml(text);
    if (!parsed.doc) {
        const auto& pr = parsed.problems.front();
        throw ProgrammeError(file_label, pr.mark.line, pr.message);
    }
    for (const auto& pr : parsed.problems) throw ProgrammeError(file_label, pr.mark.line, pr.message);
    if (!parsed.doc->value.is_object()) throw ProgrammeError(file_label, 1, "a programme file is a mapping (id, title, requirements, criteria)");
    if (validate == Validate::yes) {
        const auto errors = embedded_validator("programme.schema.json").validate(*parsed.doc);
        if (!errors.empty()) throw ProgrammeError(file_label, errors.front().mark.line, with_kind_parameters(errors.front(), parsed.doc->value));
    }
    layer.label = file_label;
    layer.value = parsed.doc->value;
    layer.doc = std::move(*parsed.doc);
    return layer;
}

} // namespace

bool programme_ref_is_path(std::string_view ref)
{
    return ref.find('/') != std::string_view::npos || ref.ends_with(".yaml") || ref.ends_with(".yml");
}

std::vector<std::string> builtin_programmes()
{
    std::vector<std::string> out;
    for (const auto& r : embedded_resources()) {
        if (r.name.starts_with("programmes/") && r.name.ends_with(".yaml")) {
            std::string_view n = r.name.substr(11);
            n.remove_suffix(5);
            out.emplace_back(n);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool is_builtin_programme(std::string_view id) { return embedded_resource(builtin_name(id)).has_value(); }

CountRules requirement_count_rules(const Programme& programme, const RequirementSpec& requirement)
{
    const bool own = find_kind(requirement.kind) && kind_of(requirement).takes("word_count");
    return own ? apply_word_count_settings(programme.count_rules, param_value(requirement, "word_count")) : programme.count_rules;
}

CountRules apply_word_count_settings(CountRules rules, const nlohmann::json& settings)
{
    if (!settings.is_object()) return rules;
    auto apply = [&](const char* key, bool on) {
        if (!settings.contains(key)) return;
        for (const auto& name : settings[key])
            if (auto c = category_from_name(name.get<std::string>())) rules.set(*c, on);
    };
    apply("include", true);
    apply("exclude", false);
    if (settings.contains("cjk")) rules.cjk = settings["cjk"] == "none" ? CjkMode::none : CjkMode::characters;
    return rules;
}

namespace {

CriterionSpec criterion_of(const std::string& id, const nlohmann::json& entry)
{
    CriterionSpec c;
    c.id = id;
    c.title = entry.value("title", id);
    c.required = entry.value("required", true);
    const auto count = [&](const char* key) { return entry.contains(key) && entry[key].is_number() ? std::optional<long>(entry[key].get<long>()) : std::nullopt; };
    c.min_words = count("min_words");
    c.min_citations = count("min_citations").value_or(0);
    if (entry.contains("links_to") && entry["links_to"].is_string()) c.links_to = entry["links_to"].get<std::string>();
    c.min_list_items = count("min_list_items").value_or(0);
    c.min_dated_items = count("min_dated_items").value_or(0);
    c.params = entry;
    return c;
}

Programme resolve_chain(std::optional<Layer> first, std::string first_key, const std::string& ref, const std::string& base_dir,
                        const ProgrammeReader& read)
{
    // Read the chain: the file, the one it extends, and so on.
    std::vector<Layer> chain;
    std::vector<std::string> seen;
    std::string next = ref;
    std::string dir = base_dir;
    for (;;) {
        std::string key;
        Layer layer;
        if (first) {
            layer = std::move(*first);
            key = first_key;
            first.reset();
        } else {
            layer = read_layer(next, dir, read, key);
        }
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
            const auto mark = chain.empty() ? SourceMark{} : chain.back().doc.mark_of("/extends");
            throw ProgrammeError(chain.empty() ? layer.label : chain.back().label, mark.line,
                                 "extends forms a cycle: '" + next + "' is already in the chain");
        }
        seen.push_back(key);
        std::string parent;
        if (layer.value.contains("extends")) parent = layer.value["extends"].get<std::string>();
        chain.push_back(std::move(layer));
        if (parent.empty()) break;
        if (chain.size() > 16) throw ProgrammeError(chain.back().label, 1, "extends chain is longer than 16 files");
        if (!chain.back().built_in) dir = chain.back().dir;
        next = parent;
    }
    // Merge from the root of the chain down: maps key by key, the rest replaced.
    Programme prog;
    nlohmann::json merged = nlohmann::json::object();
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        nlohmann::json v = it->value;
        v.erase("extends");
        if (it == chain.rbegin()) {
            merged = v;
            record_origins(merged, "", prog.origins, it->label);
        } else {
            merge(merged, v, "", prog.origins, it->label);
        }
    }
    const Layer& top = chain.front();
    // The merged programme must be complete: every requirement has its kind
    // and parameters (a built-in programme on its own is, as tested).
    const bool all_built_in = std::all_of(chain.begin(), chain.end(), [](const Layer& l) { return l.built_in; });
    YamlDoc whole;
    whole.value = merged;
    const auto errors = all_built_in ? std::vector<SchemaError>{} : embedded_validator("programme.schema.json").validate(whole);
    if (!errors.empty()) {
        // At the line of whichever file of the chain set it, the file itself first.
        std::pair<std::string, int> at{top.label, 0};
        for (const auto& layer : chain)
            if (const auto mark = layer.doc.mark_of(errors.front().pointer); mark.line > 0) {
                at = {layer.label, mark.line};
                break;
            }
        throw ProgrammeError(at.first, at.second, with_kind_parameters(errors.front(), merged));
    }
    prog.id = merged.value("id", "");
    prog.title = merged.value("title", "");
    prog.source = top.label;
    for (const auto& layer : chain) prog.chain.push_back(layer.label);
    prog.resolved = merged;
    if (merged.contains("limits")) {
        const auto& l = merged["limits"];
        if (l.contains("max_file_mb")) prog.limits.max_file_bytes = l["max_file_mb"].get<std::uint64_t>() * 1024 * 1024;
        if (l.contains("max_yaml_depth")) prog.limits.max_yaml_depth = l["max_yaml_depth"].get<int>();
        if (l.contains("max_yaml_values")) prog.limits.max_yaml_nodes = l["max_yaml_values"].get<std::size_t>();
        if (l.contains("max_files")) prog.limits.max_files = l["max_files"].get<std::size_t>();
        if (l.contains("max_path_length")) prog.limits.max_path_length = l["max_path_length"].get<std::size_t>();
    }
    prog.count_rules = apply_word_count_settings(CountRules::defaults(), merged.value("word_count", nlohmann::json::object()));
    if (merged.contains("requirements")) {
        for (auto it = merged["requirements"].begin(); it != merged["requirements"].end(); ++it)
            prog.requirements.push_back({it.key(), it->value("kind", ""), it->value("title", it.key()), *it, {}});
    }
    if (merged.contains("criteria")) {
        for (auto it = merged["criteria"].begin(); it != merged["criteria"].end(); ++it)
            prog.criteria.push_back(criterion_of(it.key(), *it));
    }
    std::sort(prog.requirements.begin(), prog.requirements.end(), [](const auto& a, const auto& b) { return id_less(a.id, b.id); });
    std::sort(prog.criteria.begin(), prog.criteria.end(), [](const auto& a, const auto& b) { return id_less(a.id, b.id); });
    for (const auto& a : merged.value("awards", nlohmann::json::array())) {
        Award award{a.value("title", ""), {}};
        for (const auto& r : a.value("requires", nlohmann::json::array())) award.requirements.push_back(r.get<std::string>());
        prog.awards.push_back(std::move(award));
    }

    const auto where = [&](const std::string& pointer) {
        for (const auto& layer : chain)
            if (const auto mark = layer.doc.mark_of(pointer); mark.line > 0) return std::pair{layer.label, mark.line};
        return std::pair{top.label, 0};
    };
    // Each requirement's parameters into its kind's struct, once.
    for (auto& r : prog.requirements) {
        try {
            parse_requirement_params(r);
        } catch (const ParamError& e) {
            // At the topmost file that sets one of the parameters at fault.
            const std::string base = "/requirements/" + e.requirement + "/";
            const std::vector<std::string> params = e.params.empty() ? std::vector<std::string>{"kind"} : e.params;
            std::pair<std::string, int> at{top.label, 0};
            for (const auto& layer : chain) {
                for (const auto& param : params)
                    if (const auto mark = layer.doc.mark_of(base + param); mark.line > 0) {
                        at = {layer.label, mark.line};
                        break;
                    }
                if (at.second > 0) break;
            }
            if (at.second == 0) at = where("/requirements/" + e.requirement);
            throw ProgrammeError(at.first, at.second, "requirements." + e.requirement + (e.params.empty() ? "" : "." + e.params.front()) + ": " + e.message);
        }
    }
    // Every requirement that `after` or an award names is one of the programme's.
    const auto known = [&](const std::string& id) {
        return std::any_of(prog.requirements.begin(), prog.requirements.end(), [&](const auto& r) { return r.id == id; });
    };
    for (const auto& r : prog.requirements) {
        const auto after = kind_of(r).takes("after") ? param_texts(r, "after") : std::vector<std::string>{};
        for (std::size_t i = 0; i < after.size(); ++i) {
            const std::string& id = after[i];
            if (known(id) && id_less(id, r.id)) continue;
            const auto [file, line] = where("/requirements/" + r.id + "/after/" + std::to_string(i));
            throw ProgrammeError(file, line, "requirements." + r.id + ".after: " + id +
                                                 (known(id) ? " does not come before " + r.id + " (requirements are checked in id order)"
                                                            : " is not a requirement of this programme"));
        }
    }
    for (std::size_t a = 0; a < prog.awards.size(); ++a)
        for (std::size_t i = 0; i < prog.awards[a].requirements.size(); ++i)
            if (!known(prog.awards[a].requirements[i])) {
                const auto [file, line] = where("/awards/" + std::to_string(a) + "/requires/" + std::to_string(i));
                throw ProgrammeError(file, line, "awards: " + prog.awards[a].title + " requires " + prog.awards[a].requirements[i] +
                                                     ", which is not a requirement of this programme");
            }
    return prog;
}

} // namespace

namespace {
ProgrammeReader disk_programme_reader()
{
    return [](const std::string& ref, const std::string& dir) {
        // Named as the user named it: relative to the current folder, the
        // portfolio, or the extending file.
        fs::path p(ref);
        if (p.is_relative() && !dir.empty()) p = (fs::path(dir) / p).lexically_normal();
        std::error_code ec;
        const fs::path canon = fs::weakly_canonical(p, ec);
        if (!fs::is_regular_file(p, ec)) throw ProgrammeError(p.string(), 0, "programme file not found");
        std::ifstream in(p, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        if (!in.good() && !in.eof()) throw ProgrammeError(p.string(), 0, "cannot read the programme file");
        return ProgrammeText{ss.str(), p.string(), ec ? p.string() : canon.string(), p.parent_path().string()};
    };
}
} // namespace

Programme load_programme(const std::string& ref, const fs::path& base_dir)
{
    return resolve_chain(std::nullopt, "", ref, base_dir.string(), disk_programme_reader());
}

Programme load_programme(const std::string& ref, const ProgrammeReader& read) { return resolve_chain(std::nullopt, "", ref, "", read); }

Programme programme_from_text(const std::string& text, const std::string& label)
{
    Layer layer = parse_layer(text, label);
    // Text has no folder: it may extend a built-in programme, not a file.
    if (layer.value.contains("extends") && !is_builtin_programme(layer.value["extends"].get<std::string>()))
        throw ProgrammeError(label, layer.doc.mark_of("/extends").line, "extends '" + layer.value["extends"].get<std::string>() +
                                                                           "': here only a built-in programme can be extended");
    return resolve_chain(std::move(layer), "text:" + label, label, "", disk_programme_reader());
}

} // namespace lilo

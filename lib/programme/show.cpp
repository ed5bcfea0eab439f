#include "programme/show.hpp"

#include <algorithm>
#include <cctype>

#include "core/dump_json.hpp"
#include "core/report.hpp"

namespace lilo {

namespace {

// A key or string that YAML reads back as the same string without quotes.
bool plain(const std::string& s)
{
    if (s.empty() || s.size() > 80) return false;
    static const std::string reserved = "true false yes no on off null ~";
    if (reserved.find(s) != std::string::npos && s.find(' ') == std::string::npos) return false;
    const unsigned char first = static_cast<unsigned char>(s[0]);
    if (!(std::isalpha(first) || first >= 0x80)) return false;
    for (unsigned char c : s)
        if (!(std::isalnum(c) || c == '_' || c == '-' || c == ' ' || c == '.' || c == '/' || c >= 0x80)) return false;
    return s.back() != ' ';
}

std::string scalar(const nlohmann::json& v)
{
    if (v.is_string() && plain(v.get<std::string>())) return v.get<std::string>();
    return dump_json(v);  // JSON scalars are YAML scalars
}

// Keys in the order a reader expects: id, title and kind first, R2 before
// R10, the rest alphabetical.
std::vector<std::string> ordered_keys(const nlohmann::json& v)
{
    std::vector<std::string> keys;
    for (auto it = v.begin(); it != v.end(); ++it) keys.push_back(it.key());
    static const std::vector<std::string> first = {"id", "title", "extends", "description", "kind", "word_count", "limits", "requirements", "criteria"};
    const auto rank = [](const std::string& k) {
        const auto it = std::find(first.begin(), first.end(), k);
        return it == first.end() ? first.size() : static_cast<std::size_t>(it - first.begin());
    };
    std::stable_sort(keys.begin(), keys.end(), [&](const std::string& a, const std::string& b) {
        if (rank(a) != rank(b)) return rank(a) < rank(b);
        return id_less(a, b);
    });
    return keys;
}

// A list of scalars, or of flat maps, fits on one line.
std::string flow(const nlohmann::json& v)
{
    if (v.is_array()) {
        std::string out = "[";
        for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + flow(v[i]);
        return out + "]";
    }
    if (v.is_object()) {
        std::string out = "{";
        bool first = true;
        for (const auto& k : ordered_keys(v)) {
            out += (first ? "" : ", ") + (plain(k) ? k : dump_json(k)) + ": " + flow(v[k]);
            first = false;
        }
        return out + "}";
    }
    return scalar(v);
}

struct Writer {
    const Programme& prog;
    bool origins;
    std::string out;

    std::string origin_of(const std::string& pointer) const
    {
        // The setting at or above this pointer; else the settings below it.
        std::string p = pointer;
        while (!p.empty()) {
            if (auto it = prog.origins.find(p); it != prog.origins.end()) return it->second;
            p.erase(p.rfind('/'));
        }
        std::vector<std::string> below;
        for (auto it = prog.origins.lower_bound(pointer + "/"); it != prog.origins.end() && it->first.starts_with(pointer + "/"); ++it)
            if (std::find(below.begin(), below.end(), it->second) == below.end()) below.push_back(it->second);
        std::string all;
        for (const auto& o : below) all += (all.empty() ? "" : "; ") + o;
        return all;
    }

    void line(const std::string& text, const std::string& pointer)
    {
        out += text;
        if (origins) {
            const std::string o = origin_of(pointer);
            if (!o.empty()) out += "  # " + o;
        }
        out += "\n";
    }

    void map(const nlohmann::json& v, const std::string& pointer, int depth)
    {
        const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
        for (const auto& k : ordered_keys(v)) {
            const auto it = v.find(k);
            const std::string key = plain(k) ? k : dump_json(k);
            const std::string child = pointer + "/" + k;
            // Maps of maps open a block; everything else fits on the line.
            const bool block = it->is_object() && !it->empty() &&
                               std::any_of(it->begin(), it->end(), [](const auto& x) { return x.is_structured(); });
            if (block || (it->is_object() && it->size() > 3)) {
                out += indent + key + ":\n";
                map(*it, child, depth + 1);
            } else {
                line(indent + key + ": " + flow(*it), child);
            }
        }
    }
};

} // namespace

std::string programme_yaml(const Programme& programme, bool origins)
{
    Writer w{programme, origins, {}};
    w.out = "# " + programme.id + ", fully resolved (every `extends` merged)" + (origins ? "; each setting's origin after it" : "") + "\n";
    w.map(programme.resolved, "", 0);
    return w.out;
}

} // namespace lilo

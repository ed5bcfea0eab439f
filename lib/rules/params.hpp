#pragma once
// A requirement kind's parameters: a struct of the kind's own, whose member
// initialisers are the defaults, and a table that names each member for the
// programme file. The programme is parsed into the struct once, when it loads
// (programme/programme.cpp, after the schema has checked every value's type);
// the kind's check reads the struct (`params_of<Params>(requirement)`), and
// the rest of lilo reads a parameter by name through the same values
// (param_text and the rest, rules/kinds.hpp), so there is one default.
//
//     struct Params {
//         std::string path = "declaration.md";
//         std::optional<long> max_words;      // no default: not given, no limit
//     };
//     constexpr Field fields[] = {
//         field<Params, &Params::path>("path", "the declaration's file"),
//         field<Params, &Params::max_words>("max_words", "the words at most"),
//     };
//     … .params = kind_params<Params, fields>, …
#include <any>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace lilo {

// Headings a document needs, each with the alternatives that will do
// (`sections: [Aims, [Evaluation, Impact]]`).
using Headings = std::vector<std::vector<std::string>>;

// One parameter: its name in the programme file, what it means (lilo explain,
// lilo-programme(5)), and how to read and show the member that holds it
// (made by field<P, &P::member>; the table is one kind's, for its P).
struct Field {
    std::string_view name;
    std::string_view meaning;
    void (*read)(void* params, const nlohmann::json& value);
    nlohmann::json (*write)(const void* params);
};

// A parameter as the rest of lilo sees it, whatever the kind.
struct KindParam {
    std::string_view name;
    std::string_view meaning;
    nlohmann::json default_value; // null: none (the parameter is optional, or the schema requires it)
};

// A problem the schema cannot see (`min_words` above `max_words`), found as
// the programme loads and reported at the line of whichever of `params` the
// topmost file of the extends chain sets.
struct ParamProblem {
    std::vector<std::string> params;  // the parameters at fault, the first named in the message
    std::string message;
};

// What the registry needs of a kind's parameters, made by kind_params.
struct KindParams {
    std::vector<KindParam> (*describe)() = nullptr;
    // The requirement's entry in the programme (validated by the schema) as the kind's struct.
    std::any (*parse)(const nlohmann::json& entry) = nullptr;
    // One parameter's value, as the programme gave it or by default, as JSON
    // (null for an optional parameter not given); nullopt when the kind has no such parameter.
    std::optional<nlohmann::json> (*value)(const std::any& parsed, std::string_view name) = nullptr;
};

namespace params_detail {

inline void read(std::string& out, const nlohmann::json& v) { if (v.is_string()) out = v.get<std::string>(); }
inline void read(std::optional<std::string>& out, const nlohmann::json& v) { if (v.is_string()) out = v.get<std::string>(); }
inline void read(long& out, const nlohmann::json& v) { if (v.is_number()) out = v.get<long>(); }
inline void read(std::optional<long>& out, const nlohmann::json& v) { if (v.is_number()) out = v.get<long>(); }
inline void read(double& out, const nlohmann::json& v) { if (v.is_number()) out = v.get<double>(); }
inline void read(std::optional<double>& out, const nlohmann::json& v) { if (v.is_number()) out = v.get<double>(); }
inline void read(std::vector<std::string>& out, const nlohmann::json& v)
{
    if (!v.is_array()) return;
    out.clear();
    for (const auto& s : v)
        if (s.is_string()) out.push_back(s.get<std::string>());
}
inline void read(Headings& out, const nlohmann::json& v)
{
    if (!v.is_array()) return;
    out.clear();
    for (const auto& s : v) {
        std::vector<std::string> names;
        read(names, s.is_string() ? nlohmann::json::array({s}) : s);
        if (!names.empty()) out.push_back(std::move(names));
    }
}
inline void read(nlohmann::json& out, const nlohmann::json& v) { out = v; }

template <class T>
nlohmann::json write(const std::optional<T>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }
template <class T>
nlohmann::json write(const T& v) { return nlohmann::json(v); }

template <class P, auto Member>
void read_member(void* params, const nlohmann::json& v) { read(static_cast<P*>(params)->*Member, v); }
template <class P, auto Member>
nlohmann::json write_member(const void* params) { return write(static_cast<const P*>(params)->*Member); }

template <class P, const auto& Fields>
std::vector<KindParam> describe()
{
    const P defaults;
    std::vector<KindParam> out;
    for (const Field& f : Fields) out.push_back({f.name, f.meaning, f.write(&defaults)});
    return out;
}

template <class P, const auto& Fields>
std::any parse(const nlohmann::json& entry)
{
    P p;
    if (entry.is_object())
        for (const Field& f : Fields)
            if (const auto it = entry.find(f.name); it != entry.end()) f.read(&p, *it);
    return p;
}

template <class P, const auto& Fields>
std::optional<nlohmann::json> value(const std::any& parsed, std::string_view name)
{
    const P& p = std::any_cast<const P&>(parsed);
    for (const Field& f : Fields)
        if (f.name == name) return f.write(&p);
    return std::nullopt;
}

} // namespace params_detail

// A parameter of the kind whose struct is P, held in P's `Member` (which may
// be a member of a struct P derives from: the parameters kinds share).
template <class P, auto Member>
constexpr Field field(std::string_view name, std::string_view meaning)
{
    return {name, meaning, &params_detail::read_member<P, Member>, &params_detail::write_member<P, Member>};
}

// The registry's view of a kind's parameters: `.params = kind_params<Params, fields>`.
template <class P, const auto& Fields>
inline constexpr KindParams kind_params{&params_detail::describe<P, Fields>, &params_detail::parse<P, Fields>,
                                        &params_detail::value<P, Fields>};

} // namespace lilo

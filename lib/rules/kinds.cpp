#include "rules/kinds.hpp"

#include <stdexcept>

#include "portfolio/manifest.hpp"

namespace lilo {

// The kinds lilo implements, one line each; each is defined in its own file
// lib/rules/<name>.cpp as `const RequirementKind <name>_kind`.
#define LILO_KINDS(X) \
    X(mentor)         \
    X(journal)        \
    X(courses)        \
    X(project)        \
    X(interviews)     \
    X(essay)          \
    X(module)         \
    X(essays)         \
    X(thesis)         \
    X(progression)    \
    X(declaration)

#define LILO_DECLARE_KIND(name) extern const RequirementKind name##_kind;
#define LILO_KIND_ADDRESS(name) &name##_kind,
LILO_KINDS(LILO_DECLARE_KIND)

namespace {
constexpr const RequirementKind* kinds[] = {LILO_KINDS(LILO_KIND_ADDRESS)};
} // namespace

bool RequirementKind::takes(std::string_view n) const
{
    for (const auto& p : params.describe())
        if (p.name == n) return true;
    return false;
}

const KindCode* RequirementKind::code(std::string_view slug) const
{
    for (const auto& c : codes)
        if (c.slug == slug) return &c;
    return nullptr;
}

std::span<const RequirementKind* const> requirement_kinds() { return kinds; }

const RequirementKind* find_kind(std::string_view name)
{
    for (const auto* k : kinds)
        if (k->name == name) return k;
    return nullptr;
}

const RequirementKind& kind_of(const RequirementSpec& r)
{
    const auto* k = find_kind(r.kind);
    if (!k) throw std::logic_error(r.id + ": no requirement kind '" + r.kind + "'");
    return *k;
}

std::optional<RequirementPlace> requirement_place(const RequirementSpec& r, const Manifest* manifest)
{
    const RequirementKind& kind = kind_of(r);
    if (kind.moved_by.empty()) return std::nullopt;
    const bool folder = !kind.takes("path");
    if (manifest)
        if (auto moved = manifest->path_setting(std::string(kind.moved_by))) return RequirementPlace{*moved, folder};
    return RequirementPlace{param_text(r, folder ? "folder" : "path"), folder};
}

nlohmann::json param_value(const RequirementSpec& r, std::string_view name)
{
    auto v = kind_of(r).params.value(r.parsed, name);
    if (!v) throw std::logic_error(r.id + ": kind " + r.kind + " has no parameter '" + std::string(name) + "'");
    return std::move(*v);
}

bool param_given(const RequirementSpec& r, std::string_view name) { return !param_value(r, name).is_null(); }

double param_number(const RequirementSpec& r, std::string_view name)
{
    const auto v = param_value(r, name);
    return v.is_number() ? v.get<double>() : 0;
}

long param_count(const RequirementSpec& r, std::string_view name)
{
    const auto v = param_value(r, name);
    return v.is_number() ? v.get<long>() : 0;
}

std::string param_text(const RequirementSpec& r, std::string_view name)
{
    const auto v = param_value(r, name);
    return v.is_string() ? v.get<std::string>() : std::string();
}

std::vector<std::string> param_texts(const RequirementSpec& r, std::string_view name)
{
    std::vector<std::string> out;
    params_detail::read(out, param_value(r, name));
    return out;
}

Headings param_headings(const RequirementSpec& r, std::string_view name)
{
    Headings out;
    params_detail::read(out, param_value(r, name));
    return out;
}

void parse_requirement_params(RequirementSpec& r)
{
    const RequirementKind* kind = find_kind(r.kind);
    if (!kind) throw ParamError{r.id, {}, "no requirement kind '" + r.kind + "' in this lilo"};
    r.parsed = kind->params.parse(r.params);
    if (kind->validate)
        if (auto problem = kind->validate(r.parsed)) throw ParamError{r.id, problem->params, problem->message};
}

} // namespace lilo

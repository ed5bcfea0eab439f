#include "rules/kinds.hpp"

#include <stdexcept>

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

const KindParam* RequirementKind::param(std::string_view n) const
{
    for (const auto& p : params)
        if (p.name == n) return &p;
    return nullptr;
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

namespace {

const KindParam& declared(const RequirementSpec& r, std::string_view name)
{
    const auto* p = kind_of(r).param(name);
    if (!p) throw std::logic_error(r.id + ": kind " + r.kind + " has no parameter '" + std::string(name) + "'");
    return *p;
}

const nlohmann::json* given(const RequirementSpec& r, std::string_view name)
{
    if (!r.params.is_object()) return nullptr;
    const auto it = r.params.find(name);
    return it == r.params.end() ? nullptr : &*it;
}

} // namespace

double param_number(const RequirementSpec& r, std::string_view name)
{
    const KindParam& p = declared(r, name);
    const auto* v = given(r, name);
    return v && v->is_number() ? v->get<double>() : p.default_number;
}

long param_count(const RequirementSpec& r, std::string_view name)
{
    const KindParam& p = declared(r, name);
    const auto* v = given(r, name);
    return v && v->is_number() ? v->get<long>() : static_cast<long>(p.default_number);
}

std::string param_text(const RequirementSpec& r, std::string_view name)
{
    const KindParam& p = declared(r, name);
    const auto* v = given(r, name);
    return v && v->is_string() ? v->get<std::string>() : std::string(p.default_text);
}

} // namespace lilo

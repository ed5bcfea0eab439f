#pragma once
// The registry of requirement kinds. A programme selects kinds by name and
// gives them parameters. Everything about a kind is in its own file under
// lib/rules/: its parameters and their defaults, its check, its diagnostic
// codes with what they mean, what `lilo init` writes for it, and which of its
// files `lilo count` counts by its rules. Adding a kind is that file and one
// line in kinds.cpp's list (DEVELOPERS.md, "Adding a requirement kind").
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "programme/programme.hpp"

namespace lilo {

class CheckContext;  // rules/context.hpp: what a check sees (kinds' own files include it)
namespace scaffold { class Writer; }

// A parameter a programme may give a requirement of the kind. Its type is
// the programme schema's (schemas/programme.schema.json, checked against
// this table by tests/unit/test_kinds.cpp); the default is the one value used
// wherever the programme does not give it.
struct KindParam {
    std::string_view name;
    std::string_view meaning;
    double default_number = 0;          // counts, numbers and fractions
    std::string_view default_text = {}; // paths and names
};

// A diagnostic a kind emits, "<Rn>.<slug>", and what `lilo explain` says of it.
struct KindCode {
    std::string_view slug;
    std::string_view meaning;
    std::string_view fix;
};

struct RequirementKind {
    std::string_view name;
    std::string_view summary;
    std::span<const KindParam> params;
    std::span<const KindCode> codes;
    // Checks the current requirement (ctx.requirement); the requirement is
    // unmet when it reports an error (or a file it needs cannot be read).
    void (*check)(CheckContext&);
    // What `lilo init` writes for a requirement of the kind (null: nothing).
    void (*scaffold)(scaffold::Writer&, const RequirementSpec&) = nullptr;
    // The kind's part of a new portfolio.yaml (the mentor, the courses, the
    // marks), for the first requirement of the kind (null: none).
    std::string (*manifest_part)(const scaffold::Writer&, const RequirementSpec&) = nullptr;
    // The documents the kind counts, portfolio-relative, before portfolio.yaml
    // moves them: `lilo count` counts these by the requirement's rules.
    std::vector<std::string> (*documents)(const RequirementSpec&) = nullptr;
    // Capabilities the rest of lilo asks about instead of comparing names.
    bool dated_records = false;      // its records' dates are held against the git history
    bool addresses_criteria = false; // it evaluates the programme's criteria (C1…)
    bool signed_off = false;         // a mentor reviews the portfolio and signs it off
    bool portfolio_component = false; // lilo export: its document has the portfolio's component code unless it gives one

    const KindParam* param(std::string_view name) const;
    const KindCode* code(std::string_view slug) const;
};

std::span<const RequirementKind* const> requirement_kinds();
const RequirementKind* find_kind(std::string_view name);
// The kind of a requirement; throws std::logic_error for one the registry lacks
// (a programme cannot load with an unknown kind).
const RequirementKind& kind_of(const RequirementSpec& requirement);

// A requirement's parameter: the programme's value, else the kind's default.
// The parameter must be in the kind's table (std::logic_error otherwise).
double param_number(const RequirementSpec& requirement, std::string_view name);
long param_count(const RequirementSpec& requirement, std::string_view name);
std::string param_text(const RequirementSpec& requirement, std::string_view name);

} // namespace lilo

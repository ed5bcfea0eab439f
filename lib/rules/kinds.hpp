#pragma once
// The registry of requirement kinds. A programme selects kinds by name and
// gives them parameters; adding a kind is one file and one line below.
#include <span>
#include <string_view>

#include "rules/context.hpp"

namespace lilo {

using KindCheck = void (*)(CheckContext&);

struct RequirementKind {
    std::string_view name;
    KindCheck check;
    std::string_view summary;
};

void check_mentor(CheckContext&);
void check_journal(CheckContext&);
void check_courses(CheckContext&);
void check_project(CheckContext&);
void check_interviews(CheckContext&);
void check_essay(CheckContext&);
void check_module(CheckContext&);
void check_essays(CheckContext&);
void check_thesis(CheckContext&);
void check_progression(CheckContext&);

std::span<const RequirementKind> requirement_kinds();
const RequirementKind* find_kind(std::string_view name);

} // namespace lilo

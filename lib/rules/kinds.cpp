#include "rules/kinds.hpp"

namespace lilo {

namespace {
constexpr RequirementKind kinds[] = {
    {"mentor", check_mentor, "a mentor, appointed early, and records of meetings with them"},
    {"journal", check_journal, "a reflective journal kept throughout the period"},
    {"courses", check_courses, "the taught courses, completed in the period, with evidence"},
    {"project", check_project, "the Innovation Development Project, with its sections and evidence"},
    {"interviews", check_interviews, "interviews with an experienced leader"},
    {"essay", check_essay, "the final reflective piece: its length, citations and criteria"},
};
} // namespace

std::span<const RequirementKind> requirement_kinds() { return kinds; }

const RequirementKind* find_kind(std::string_view name)
{
    for (const auto& k : kinds)
        if (k.name == name) return &k;
    return nullptr;
}

} // namespace lilo

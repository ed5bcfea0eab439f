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
    {"module", check_module, "a Diploma module: its assignment, and evidence of practice, learning and reflection linked from it"},
    {"essays", check_essays, "essays, each within its word limits, with their citations"},
    {"thesis", check_thesis, "the thesis, within its word limit counted by its own rules"},
    {"progression", check_progression, "progression from the marks: a weighted mean and minimum marks, all or any"},
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

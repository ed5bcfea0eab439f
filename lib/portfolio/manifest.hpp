#pragma once
// portfolio.yaml as the rules read it. Built leniently: a field of the
// wrong type reads as absent (the schema check has already said why).
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "yaml/yaml_json.hpp"

namespace lilo {

struct MentorInfo {
    bool present = false;
    std::optional<std::string> name, role, organisation;
    std::optional<Date> since;
};

struct CourseEntry {
    std::string id;
    std::string status;
    std::optional<Date> completed;
    std::optional<std::string> evidence;
    std::string pointer; // "/courses/0"
};

struct Manifest {
    std::optional<std::string> programme;
    std::string candidate_name, candidate_id;
    std::optional<Date> start, end;
    MentorInfo mentor;
    std::vector<CourseEntry> courses;
    YamlDoc yaml;

    // A path setting of portfolio.yaml ("journal", "essay", …), if given as text.
    std::optional<std::string> path_setting(const std::string& key) const;
    int line_of(const std::string& pointer) const { return yaml.line_of(pointer); }
};

Manifest read_manifest(YamlDoc yaml);

class PortfolioFs;
// A portfolio's portfolio.yaml as far as it reads (a BOM allowed): nothing
// when it cannot be read, does not parse or is not a mapping. Its problems
// are the check's to report; serve, lsp and signoff only need its fields.
std::optional<Manifest> manifest_as_far_as_it_reads(const PortfolioFs& files);

// Reads a date from a JSON value: a string that is a real date.
std::optional<Date> json_date(const nlohmann::json& obj, const std::string& key);
std::optional<std::string> json_text(const nlohmann::json& obj, const std::string& key);

} // namespace lilo

#pragma once
// lilo init's building blocks: text formatting for the files it writes, and
// the guidance it puts in them (the suggested points of the final reflective
// piece, the reflective models' prompts). Internal to lib/scaffold/.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "programme/programme.hpp"

namespace lilo::scaffold {

// The ten suggested points of the final reflective piece (seed 000), in our
// words, for the criteria of lilo-certificate; `items` names what a list
// under the criterion holds.
struct CriterionGuide {
    const char* id;
    const char* title;
    const char* what;
    const char* items;
};

struct ModelGuide {
    const char* model;
    const char* name;
    std::map<std::string, const char*> headings; // lower-case heading → prompt
};

std::string lower(std::string_view s);
std::string yaml_quoted(std::string_view s);
std::string yaml_scalar(std::string_view s);
std::string md_heading(std::string_view s);
std::string wrap(std::string_view text, std::size_t width, const std::string& indent, std::size_t first_used = 0);
std::string comment(const std::vector<std::string>& paragraphs);
std::string para(std::string_view text);
std::string bullet(std::string_view text);
std::string commented(const std::string& line, const std::string& note);
std::string plural(long n, const std::string& one, const std::string& many);
std::string join(const std::vector<std::string>& items, const std::string& last = "and");
std::string string_param(const nlohmann::json& p, const char* key, const std::string& fallback);
std::string folder_prefix(std::string folder);
std::string parent_prefix(const std::string& rel);
std::string relative_from(const std::string& from_dir, const std::string& target);
std::vector<std::string> alternatives(const nlohmann::json& s);
const CriterionGuide* guide_for(const CriterionSpec& c);
const std::vector<ModelGuide>& model_guides();
const ModelGuide* model_guide(const std::string& model);
std::string project_prompt(const std::string& section);
std::string interview_prompt(const std::string& section);

} // namespace lilo::scaffold

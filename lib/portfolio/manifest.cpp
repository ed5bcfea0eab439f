#include "core/dump_json.hpp"
#include "portfolio/manifest.hpp"
#include "portfolio/fsys.hpp"

namespace lilo {

std::optional<Date> json_date(const nlohmann::json& obj, const std::string& key)
{
    if (!obj.is_object() || !obj.contains(key) || !obj[key].is_string()) return std::nullopt;
    return Date::parse(obj[key].get<std::string>());
}

std::optional<std::string> json_text(const nlohmann::json& obj, const std::string& key)
{
    if (!obj.is_object() || !obj.contains(key)) return std::nullopt;
    const auto& v = obj[key];
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number()) return dump_json(v);
    return std::nullopt;
}

std::optional<std::string> Manifest::path_setting(const std::string& key) const
{
    // A path of the wrong type reads as absent (the schema check says why).
    if (!yaml.value.is_object() || !yaml.value.contains(key) || !yaml.value[key].is_string()) return std::nullopt;
    return yaml.value[key].get<std::string>();
}

Manifest read_manifest(YamlDoc yaml)
{
    Manifest m;
    const auto& v = yaml.value;
    if (v.is_object()) {
        m.programme = json_text(v, "programme");
        if (v.contains("candidate") && v["candidate"].is_object()) {
            m.candidate_name = json_text(v["candidate"], "name").value_or("");
            m.candidate_id = json_text(v["candidate"], "id").value_or("");
        }
        if (v.contains("period") && v["period"].is_object()) {
            m.start = json_date(v["period"], "start");
            m.end = json_date(v["period"], "end");
        }
        if (v.contains("mentor") && v["mentor"].is_object()) {
            const auto& me = v["mentor"];
            m.mentor.present = true;
            m.mentor.name = json_text(me, "name");
            m.mentor.role = json_text(me, "role");
            m.mentor.organisation = json_text(me, "organisation");
            m.mentor.since = json_date(me, "since");
        }
        if (v.contains("courses") && v["courses"].is_array()) {
            std::size_t i = 0;
            for (const auto& c : v["courses"]) {
                CourseEntry e;
                e.pointer = "/courses/" + std::to_string(i++);
                if (!c.is_object()) continue;
                e.id = json_text(c, "id").value_or("");
                e.status = json_text(c, "status").value_or("");
                e.completed = json_date(c, "completed");
                e.evidence = json_text(c, "evidence");
                m.courses.push_back(std::move(e));
            }
        }
    }
    m.yaml = std::move(yaml);
    return m;
}

std::optional<Manifest> manifest_as_far_as_it_reads(const PortfolioFs& files)
{
    const auto text = files.read_text("portfolio.yaml");
    if (text.problem) return std::nullopt;
    std::string_view body = text.data;
    if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
    auto parsed = parse_yaml(body);
    if (!parsed.doc || !parsed.doc->value.is_object()) return std::nullopt;
    return read_manifest(std::move(*parsed.doc));
}

} // namespace lilo

#include "core/dump_json.hpp"
#include "scaffold/source.hpp"

#include <cstdio>

#include "portfolio/fsys.hpp"

namespace fs = std::filesystem;

namespace lilo::scaffold {

Source resolve_programme(const ScaffoldOptions& o, const fs::path* folder)
{
    Source s{load_programme(o.programme, ""), o.programme, std::nullopt};
    if (!programme_ref_is_path(o.programme)) return s;
    std::error_code ec;
    const fs::path file = fs::weakly_canonical(fs::absolute(o.programme, ec), ec);
    if (folder) {
        std::error_code ec2;
        const fs::path root = fs::weakly_canonical(fs::absolute(*folder, ec2), ec2);
        const fs::path rel = file.lexically_relative(root);
        if (!ec && !ec2 && !rel.empty() && *rel.begin() != ".." && rel.is_relative()) {
            std::string r = rel.generic_string();
            // Named so that `lilo check` reads it as a path, not a built-in id.
            if (!programme_ref_is_path(r)) r = "./" + r;
            s.manifest_ref = r;
            return s;
        }
    }
    // Copied in as programme.yaml: verbatim when it stands alone (or extends a
    // built-in programme), else with everything it extends merged in.
    // load_programme has read it once already, with the same checks.
    const std::string text = read_text_file(o.programme, default_max_text_bytes).data;
    std::string content;
    try {
        (void)programme_from_text(text, o.programme);
        content = text;
    } catch (const ProgrammeError&) {
        content = "# " + s.programme.id + ": the programme of " + o.programme +
                  ",\n# with every file it extends merged in (written by lilo init).\n" + dump_json(s.programme.resolved, 2) + "\n";
    }
    s.manifest_ref = "programme.yaml";
    s.copy = ScaffoldFile{"programme.yaml", content};
    return s;
}

Date one_year_later(const Date& d)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year() + 1, d.month(), d.day());
    if (auto next = Date::parse(buf)) return *next;
    return Date::from_days(d.days() + 365); // 29 February: 28 February next year
}

} // namespace lilo::scaffold

// R1: a mentor, appointed early, met regularly; and, if the mentor signed
// off, a portfolio unchanged since.
#include "rules/kinds.hpp"
#include "rules/records.hpp"
#include "rules/signoff.hpp"
#include "text/utf8.hpp"

namespace lilo {

void check_mentor(CheckContext& ctx)
{
    const auto& req = ctx.requirement->params;
    const auto& m = ctx.manifest.mentor;
    const std::string manifest = "portfolio.yaml";
    if (!m.present) {
        ctx.error("mentor-missing", manifest, 0, "no `mentor:` in portfolio.yaml: name the mentor you work with (name, role, since)");
    } else {
        const int mline = ctx.manifest.line_of("/mentor");
        if (!m.name || collapse_space(*m.name).empty()) ctx.error("mentor-name", manifest, mline, "the mentor has no name");
        if (!m.role || collapse_space(*m.role).empty()) ctx.error("mentor-role", manifest, mline, "the mentor's role is not given");
        if (m.name && iequals(collapse_space(*m.name), collapse_space(ctx.manifest.candidate_name)))
            ctx.error("mentor-is-candidate", manifest, ctx.manifest.line_of("/mentor/name"), "the mentor is the candidate; a mentor is a senior, trusted colleague");
        const nlohmann::json::json_pointer since_ptr("/mentor/since");
        if (!m.since && ctx.manifest.yaml.value.contains(since_ptr) && !ctx.manifest.yaml.value.at(since_ptr).is_null()) {
            // Given but not a date: P.date or P.schema says so at its line; nothing to add.
        } else if (!m.since) {
            ctx.error("since-missing", manifest, mline, "`mentor.since` is not given: the date you started working with your mentor");
        } else if (ctx.manifest.start) {
            const long delay = *m.since - *ctx.manifest.start;
            const long max = param_int(req, "max_start_delay_days");
            if (delay > max)
                ctx.error("since-late", manifest, ctx.manifest.line_of("/mentor/since"),
                          "mentor since " + m.since->str() + ", " + std::to_string(delay) + " days after the period starts (" +
                              ctx.manifest.start->str() + "); at most " + std::to_string(max) + " days");
        }
    }

    const long min_meetings = param_int(req, "min_meetings");
    const auto min_words = static_cast<std::uint64_t>(param_int(req, "min_meeting_words"));
    const std::string folder = ctx.configured_path("mentoring", "folder", "mentoring");
    long good = 0;
    if (auto records = read_records(ctx, folder, "meetings-missing", "mentoring")) {
        for (auto& r : *records) {
            date_record(ctx, r, "undated");
            check_backdated(ctx, r);
            bool ok = r.date.has_value();
            if (r.date && ctx.manifest.start && ctx.manifest.end && (*r.date < *ctx.manifest.start || *r.date > *ctx.manifest.end)) {
                ctx.error("meeting-outside-period", r.rel, r.date_line,
                          "meeting dated " + r.date->str() + ", outside the period " + ctx.manifest.start->str() + " to " + ctx.manifest.end->str());
                ok = false;
            } else if (r.date && *r.date > ctx.as_of) {
                ctx.error("meeting-future", r.rel, r.date_line, "meeting dated " + r.date->str() + ", after today (" + ctx.as_of.str() + ")");
                ok = false;
            }
            if (r.words < min_words) {
                ctx.error("meeting-words", r.rel, 1,
                          with_commas(r.words) + " words; a meeting record needs at least " + with_commas(min_words));
                ok = false;
            }
            if (ok) ++good;
        }
        if (good < min_meetings)
            ctx.error("meetings", folder, 0,
                      std::to_string(good) + " meeting record" + (good == 1 ? " counts" : "s count") + "; at least " + std::to_string(min_meetings) +
                          " needed (dated inside the period and not after today, " + std::to_string(min_words) + "+ words each)");
    }
    check_signoff(ctx);
}

} // namespace lilo

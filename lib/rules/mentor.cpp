// R1: a mentor, appointed early, met regularly; and, if the mentor signed
// off, a portfolio unchanged since.
#include "rules/kinds.hpp"
#include "scaffold/placeholders.hpp"
#include "rules/records.hpp"
#include "rules/signoff.hpp"
#include "text/utf8.hpp"

#include "scaffold/writer.hpp"

namespace lilo {

namespace {

using namespace lilo::scaffold;

struct Params : BackdateParams {
    std::string folder = "mentoring";
    long max_start_delay_days = 30;
    long min_meetings = 0;
    long min_meeting_words = 0;
};

constexpr Field fields[] = {
    field<Params, &Params::folder>("folder", "the meeting records' folder (portfolio.yaml's `mentoring:` moves it)"),
    field<Params, &Params::max_start_delay_days>("max_start_delay_days", "how many days after the period starts the mentoring may begin"),
    field<Params, &Params::min_meetings>("min_meetings", "the meeting records needed"),
    field<Params, &Params::min_meeting_words>("min_meeting_words", "the words each meeting record needs"),
    field_max_backdate_days<Params>,
    field_backdated<Params>,
};

constexpr KindCode codes[] = {
    {"mentor-missing", "portfolio.yaml has no `mentor:`.",
     "Add `mentor:` with `name`, `role`, `organisation` and `since`."},
    {"mentor-name", "The mentor has no name.",
     "Give `mentor.name`."},
    {"mentor-role", "The mentor's role is not given.",
     "Give `mentor.role`, e.g. Vice Principal."},
    {"mentor-is-candidate", "The mentor's name is the candidate's (ignoring case and spaces).",
     "Name a senior, trusted colleague as your mentor."},
    {"since-missing", "`mentor.since` is missing.",
     "Give the date you started working with your mentor."},
    {"since-late", "The mentor was found too long after the period started.",
     "Correct `mentor.since` if it is wrong; otherwise talk to your programme office."},
    {"meetings-missing", "The mentoring folder does not exist.",
     "Create `mentoring/` and add one Markdown record per meeting."},
    {"meetings", "Too few meeting records count.",
     "Add records: dated inside the period, long enough, one `.md` file per meeting."},
    {"meeting-words", "A meeting record is too short.",
     "Write up what was discussed and agreed."},
    {"meeting-outside-period", "A meeting is dated outside the programme period.",
     "Correct its `date:` or the file name's date."},
    {"meeting-future", "A meeting is dated after today.",
     "Correct its date."},
    // The mentor's sign-off (lib/rules/signoff.cpp).
    {"signoff-stale", "A bundled file changed, was added or was removed after the mentor signed; the message names them.",
     "Ask your mentor to review the changes and sign again: `lilo signoff` in the portfolio."},
    {"signoff-invalid", "signoff.yaml has no `sha256:`, is not a mapping, or has a field schemas/signoff.schema.json does not know.",
     "Keep to `name`, `date`, `sha256`, `files` and `comment`; `lilo signoff` writes a valid file."},
    {"signoff-name", "The sign-off has no `name:`, or it is the candidate's name.",
     "The mentor signs, with their own name: `lilo signoff` takes it from `mentor.name`."},
    {"signoff-not-mentor", "The sign-off's name is not the `mentor.name` of portfolio.yaml (a warning).",
     "Correct the name, or update `mentor:` if the mentor changed."},
    {"signoff-date", "The sign-off's `date:` is missing, not a real YYYY-MM-DD date, before the period starts, or after today.",
     "Write the day the mentor signed, e.g. `date: 2026-06-30`."},
    {"signoff-fingerprint", "`sha256:` is not a fingerprint: not 64 lowercase hex digits (a short hash, capitals, other text).",
     "Record the whole output of `lilo fingerprint`, or let the mentor run `lilo signoff`."},
    {"signoff-files", "The sign-off's `files:` list does not add up to its `sha256:` (a warning), so it cannot say what changed.",
     "Let the mentor sign again with `lilo signoff`, which writes both."},
    code_undated,
    code_backdated,
};

} // namespace


Outcome check_mentor(CheckContext& ctx)
{
    const Params& p = params_of<Params>(*ctx.requirement);
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
            const long max = p.max_start_delay_days;
            if (delay > max)
                ctx.error("since-late", manifest, ctx.manifest.line_of("/mentor/since"),
                          "mentor since " + m.since->str() + ", " + std::to_string(delay) + " days after the period starts (" +
                              ctx.manifest.start->str() + "); at most " + std::to_string(max) + " days");
        }
    }

    const long min_meetings = p.min_meetings;
    const auto min_words = static_cast<std::uint64_t>(p.min_meeting_words);
    const std::string folder = requirement_place(*ctx.requirement, &ctx.manifest)->path;
    long good = 0;
    if (auto records = read_records(ctx, folder, "meetings-missing", "mentoring")) {
        for (auto& r : *records) {
            date_record(ctx, r, "undated");
            check_backdated(ctx, r, p);
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
    return ctx.outcome();
}

namespace {

std::string manifest_part(const scaffold::Writer& w, const RequirementSpec& r)
{
    const long delay = params_of<Params>(r).max_start_delay_days;
    std::string y = commented("mentor:", r.id + ": a senior, trusted colleague who works with you throughout");
    y += "  name: " + std::string(placeholder::mentor_name) + "\n";
    y += "  role: " + std::string(placeholder::mentor_role) + "\n";
    y += "  organisation: " + std::string(placeholder::school) + "\n";
    y += commented("  since: " + w.today.str(), "when the mentoring began: at most " + plural(delay, "day", "days") + " after period.start");
    return y;
}

// ---- R1: the mentor's meeting records.
void init(scaffold::Writer& w, const RequirementSpec& r)
{
    const Params& p = params_of<Params>(r);
    std::string t = "# " + r.title + " (" + r.id + ")\n\n";
    t += para("One Markdown file here for each meeting with your mentor, e.g. `" + w.today.str() +
              "-agreeing-goals.md`. This README is not counted as a record.");
    t += "\n";
    t += bullet("Date each record: start its file name with the date (`YYYY-MM-DD-…`) or give `date: YYYY-MM-DD` in its "
                "front matter. The date must lie inside your period.");
    if (p.min_meeting_words > 0)
        t += bullet("Write at least " + plural(p.min_meeting_words, "word", "words") +
                    " in each record: what you discussed, what you agreed, what you will do next.");
    if (p.min_meetings > 0) t += bullet("At least " + plural(p.min_meetings, "record is", "records are") + " needed.");
    t += bullet("Name your mentor under `mentor:` in portfolio.yaml (name, role, `since:`). `since` must be at most " +
                plural(p.max_start_delay_days, "day", "days") + " after the period starts, and your mentor cannot be you.");
    t += bullet("When your mentor has reviewed the portfolio, they sign it off with `lilo signoff`, which writes "
                "signoff.yaml (their name, the date and the portfolio's fingerprint); any later change makes that sign-off stale.");
    t += "\nA record can start like this:\n\n";
    t += "```markdown\n---\ndate: YYYY-MM-DD\nattendees:\n  - Your Name\n  - Your Mentor's Name\n---\n\n";
    t += "# Agreeing goals and ground rules\n\n## Discussed\n\n## Agreed\n\n## Next steps\n```\n";
    w.add(folder_prefix(p.folder) + "README.md", t);
}

} // namespace

extern const RequirementKind mentor_kind;
const RequirementKind mentor_kind{
    .name = "mentor",
    .summary = "a mentor, appointed early, and records of meetings with them",
    .params = kind_params<Params, fields>,
    .codes = codes,
    .check = check_mentor,
    .scaffold = init,
    .manifest_part = manifest_part,
    .moved_by = "mentoring",
    .dated_records = true,
    .signed_off = true,
};

} // namespace lilo

#include "serve/live_check.hpp"

#include "rules/criteria.hpp"

#include <algorithm>
#include <ctime>
#include <filesystem>

#include "core/dump_json.hpp"
#include "portfolio/fsys.hpp"
#include "rules/explain.hpp"
#include "rules/kinds.hpp"

namespace lilo {

namespace {

std::string clock_now()
{
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%H:%M:%S", &tm);
    return buf;
}

} // namespace

nlohmann::json page_targets(const Programme& programme)
{
    nlohmann::json out = {{"programme_title", programme.title}};
    // The essay: the requirement that evaluates the criteria; the journal: the
    // one whose kind keeps a time line of dated entries.
    const RequirementSpec* essay = nullptr;
    for (const auto& q : programme.requirements) {
        const auto& kind = kind_of(q);
        if (!essay && kind.addresses_criteria) essay = &q;
        if (kind.timeline && !out.contains("journal")) {
            out["journal"] = kind.timeline(q);
            out["journal"]["requirement"] = q.id;
        }
    }
    nlohmann::json criteria = nlohmann::json::object();
    for (const auto& c : programme.criteria)
        criteria[c.id] = {{"min_words", essay ? nlohmann::json(criterion_min_words(c, *essay))
                                       : c.min_words ? nlohmann::json(*c.min_words) : nlohmann::json(nullptr)}};
    out["criteria"] = criteria;
    if (essay) out["essay"] = {{"requirement", essay->id}};
    // Whether a mentor signs the portfolio off (a kind's signed_off): the page's sign-off section.
    out["signed_off"] = std::any_of(programme.requirements.begin(), programme.requirements.end(),
                                    [](const RequirementSpec& q) { return kind_of(q).signed_off; });
    return out;
}

LiveCheck::LiveCheck(CheckOptions options) : m_options(std::move(options)) {}

std::shared_ptr<const LiveSnapshot> LiveCheck::recheck(bool publish_unchanged)
{
    auto snap = std::make_shared<LiveSnapshot>();
    CheckOptions opt = m_options;
    opt.as_of = Date::today();
    nlohmann::json shown;
    const auto start = std::chrono::steady_clock::now();
    try {
        snap->programme = programme_for_check(opt);
        snap->report = check_portfolio(opt);
        // Whether there is a sign-off, as the check reads the folder (the report says whether it holds).
        bool signoff = false;
        try {
            signoff = DiskPortfolio(opt.folder).exists("signoff.yaml");
        } catch (const std::exception& e) {
            throw CannotCheck(e.what());  // the folder went between the check and here
        }
        shown = {{"report", to_json(*snap->report, lilo_version)}, {"targets", page_targets(*snap->programme)}, {"signoff", {{"present", signoff}}}};
    } catch (const CannotCheck& e) {
        shown = {{"error", e.what()}};
        snap->report.reset();
    }
    snap->check_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::string shown_text = dump_json(shown);
    shown["checked_at"] = clock_now();
    shown["checked_in_ms"] = snap->check_ms;

    std::lock_guard lock(m_mutex);
    if (m_latest && !publish_unchanged && shown_text == m_shown) return m_latest;
    snap->version = m_latest ? m_latest->version + 1 : 1;
    shown["version"] = snap->version;
    snap->json = dump_json(shown);
    m_shown = std::move(shown_text);
    m_latest = std::move(snap);
    m_changed.notify_all();
    return m_latest;
}

std::shared_ptr<const LiveSnapshot> LiveCheck::latest() const
{
    std::lock_guard lock(m_mutex);
    return m_latest;
}

std::shared_ptr<const LiveSnapshot> LiveCheck::wait_newer(std::uint64_t seen, std::chrono::milliseconds timeout) const
{
    std::unique_lock lock(m_mutex);
    m_changed.wait_for(lock, timeout, [&] { return m_stopped || (m_latest && m_latest->version > seen); });
    if (m_stopped) return nullptr;
    return m_latest;
}

void LiveCheck::stop()
{
    std::lock_guard lock(m_mutex);
    m_stopped = true;
    m_changed.notify_all();
}

std::optional<std::string> LiveCheck::explain(const std::string& id) const
{
    const auto snap = latest();
    if (!snap || !snap->programme) return std::nullopt;
    return lilo::explain(*snap->programme, id, snap->report ? &*snap->report : nullptr);
}

} // namespace lilo

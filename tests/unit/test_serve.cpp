// lib/serve: the folder watcher on real files (a save, a folder made after
// the start, a burst of writes seen once, stop), the live check's versions
// and waiters, the page's targets from the programme, and the key.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <set>
#include <thread>

#include "portfolio_copy.hpp"
#include "programme/programme.hpp"
#include "serve/live_check.hpp"
#include "serve/token.hpp"
#include "serve/watcher.hpp"

using namespace std::chrono_literals;
using lilo::FolderWatcher;

namespace {
void append(const std::filesystem::path& file, const std::string& text)
{
    std::ofstream out(file, std::ios::app);
    out << text;
}
} // namespace

TEST_CASE("serve: the watcher sees a save, once, after the writes settle")
{
    lilo::test::PortfolioCopy p;
    FolderWatcher w(p.dir(), 100ms);
    CHECK(w.folders_watched() >= 8);
    CHECK(w.wait(50ms) == FolderWatcher::Wait::timeout);
    // Taken before the writer starts: its first write may come before this thread runs again.
    const auto t0 = std::chrono::steady_clock::now();
    std::thread writer([&] {
        for (int i = 0; i < 5; ++i) {
            append(p.dir() / "journal" / "2025-09-12-learner-again.md", "more\n");
            std::this_thread::sleep_for(20ms);
        }
    });
    CHECK(w.wait(2s) == FolderWatcher::Wait::changed);
    writer.join();
    // The five writes, 20 ms apart, made one change, reported after the last.
    CHECK(std::chrono::steady_clock::now() - t0 >= 180ms);
    CHECK(w.wait(150ms) == FolderWatcher::Wait::timeout);
}

TEST_CASE("serve: the watcher follows folders made after it started, and what is saved in them")
{
    lilo::test::PortfolioCopy p;
    FolderWatcher w(p.dir(), 50ms);
    const std::size_t before = w.folders_watched();
    std::filesystem::create_directories(p.dir() / "interviews" / "2026");
    CHECK(w.wait(2s) == FolderWatcher::Wait::changed);
    CHECK(w.folders_watched() == before + 1);
    p.write("interviews/2026/new.md", "# New\n");
    CHECK(w.wait(2s) == FolderWatcher::Wait::changed);
}

TEST_CASE("serve: the watcher leaves .git alone, and stop() ends a wait from another thread")
{
    lilo::test::PortfolioCopy p;
    std::filesystem::create_directories(p.dir() / ".git" / "objects");
    FolderWatcher w(p.dir(), 50ms);
    append(p.dir() / ".git" / "objects" / "x", "blob");
    CHECK(w.wait(200ms) == FolderWatcher::Wait::timeout);
    std::thread stopper([&] {
        std::this_thread::sleep_for(50ms);
        w.stop();
    });
    const auto t0 = std::chrono::steady_clock::now();
    CHECK(w.wait(10s) == FolderWatcher::Wait::stopped);
    CHECK(std::chrono::steady_clock::now() - t0 < 2s);
    stopper.join();
    CHECK(w.wait(10s) == FolderWatcher::Wait::stopped);
}

TEST_CASE("serve: a folder that is not there cannot be watched")
{
    CHECK_THROWS_AS(FolderWatcher(std::filesystem::path("/nonexistent/lilo-serve")), lilo::CannotCheck);
}

TEST_CASE("serve: the live check publishes a change, and only a change unless asked")
{
    lilo::test::PortfolioCopy p;
    lilo::CheckOptions opt;
    opt.folder = p.dir();
    opt.display_name = p.dir().filename().string();
    opt.git = lilo::CheckOptions::Git::off;
    lilo::LiveCheck live(opt);
    const auto first = live.recheck(true);
    REQUIRE(first->report);
    CHECK(first->version == 1);
    const auto state = nlohmann::json::parse(first->json);
    CHECK(state["report"]["portfolio"] == p.dir().filename().string());
    CHECK(state["targets"]["journal"]["max_gap_days"] == 31);
    CHECK(state["targets"]["criteria"]["C1"]["min_words"] == 60);
    CHECK(state["signoff"]["present"] == false);
    CHECK(live.recheck(false)->version == 1);   // nothing changed
    CHECK(live.recheck(true)->version == 2);    // a save is acknowledged
    // A waiter sees the next change at once, and nothing newer times out.
    CHECK(live.wait_newer(1, 10ms)->version == 2);
    CHECK(live.wait_newer(2, 10ms)->version == 2);
    p.remove("journal/2025-12-19-marking-policy.md");
    std::shared_ptr<const lilo::LiveSnapshot> seen;
    std::thread waiter([&] { seen = live.wait_newer(2, 5s); });
    live.recheck(false);
    waiter.join();
    REQUIRE(seen);
    CHECK(seen->version == 3);
    CHECK(lilo::test::find(*seen->report, "R2.gap") != nullptr);
    const auto why = live.explain("R2.gap");
    REQUIRE(why);
    CHECK(why->find("max_gap_days") != std::string::npos);
    CHECK_FALSE(live.explain("R99.nothing"));
    live.stop();
    CHECK(live.wait_newer(0, 5s) == nullptr);
}

TEST_CASE("serve: a folder that stops being a portfolio is an error on the page, not the end")
{
    lilo::test::PortfolioCopy p;
    lilo::CheckOptions opt;
    opt.folder = p.dir();
    opt.git = lilo::CheckOptions::Git::off;
    lilo::LiveCheck live(opt);
    const std::string manifest = p.read("portfolio.yaml");
    p.remove("portfolio.yaml");
    const auto gone = live.recheck(false);
    CHECK_FALSE(gone->report);
    CHECK(nlohmann::json::parse(gone->json)["error"].get<std::string>().find("no portfolio.yaml") != std::string::npos);
    p.write("portfolio.yaml", manifest);
    CHECK(live.recheck(false)->report);
}

TEST_CASE("serve: a criterion's own min_words wins over the essay's min_section_words")
{
    const auto prog = lilo::programme_from_text("id: centre\ntitle: Centre\nextends: lilo-certificate\ncriteria:\n  C6: {min_words: 150}\n", "centre.yaml");
    const auto t = lilo::page_targets(prog);
    CHECK(t["criteria"]["C6"]["min_words"] == 150);
    CHECK(t["criteria"]["C5"]["min_words"] == 60);
    CHECK(t["programme_title"] == prog.title);
}

TEST_CASE("serve: the time line's targets come from the kind that keeps one, the essay's from the one that addresses the criteria")
{
    const auto cert = lilo::programme_from_text("id: centre\ntitle: Centre\nextends: lilo-certificate\nrequirements:\n  R2: {max_gap_days: 20}\n", "centre.yaml");
    const auto t = lilo::page_targets(cert);
    CHECK(t["journal"]["requirement"] == "R2");
    CHECK(t["journal"]["max_gap_days"] == 20);
    CHECK(t["journal"]["min_entries"].is_number());
    CHECK(t["essay"]["requirement"] == "R6");
    CHECK(t["signed_off"] == true);  // R1's mentor signs off
    // A programme without a journal or a final reflective piece: no time line, no essay.
    const auto mphil = lilo::load_programme("mphil-elsi", ".");
    const auto m = lilo::page_targets(mphil);
    CHECK(!m.contains("journal"));
    CHECK(!m.contains("essay"));
    CHECK(m["signed_off"] == false);
}

TEST_CASE("serve: the key is 128 random bits in hex, new each time, compared exactly")
{
    std::set<std::string> keys;
    for (int i = 0; i < 50; ++i) {
        const std::string k = lilo::random_token();
        CHECK(k.size() == 32);
        CHECK(k.find_first_not_of("0123456789abcdef") == std::string::npos);
        keys.insert(k);
    }
    CHECK(keys.size() == 50);
    const std::string k = *keys.begin();
    CHECK(lilo::token_matches(k, k));
    CHECK_FALSE(lilo::token_matches(k.substr(0, 31), k));
    CHECK_FALSE(lilo::token_matches(k.substr(0, 31) + (k.back() == '0' ? "1" : "0"), k));
    CHECK_FALSE(lilo::token_matches("", k));
}

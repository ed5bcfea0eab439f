// lib/lsp: the framing, positions in UTF-16, and open buffers over a folder.
#include <doctest/doctest.h>

#include "check.hpp"
#include "lsp/framing.hpp"
#include "lsp/overlay_portfolio.hpp"
#include "lsp/server.hpp"
#include "lsp/text_position.hpp"
#include "portfolio_copy.hpp"

using namespace lilo;
using namespace lilo::lsp;

TEST_CASE("framing: messages split anywhere come out whole")
{
    const std::string stream = frame(R"({"a":1})") + frame(R"({"b":"é"})");
    for (std::size_t step = 1; step <= stream.size(); ++step) {
        FrameReader r;
        std::vector<std::string> got;
        for (std::size_t at = 0; at < stream.size(); at += step) {
            r.feed(std::string_view(stream).substr(at, step));
            while (auto f = r.next()) {
                REQUIRE_FALSE(f->problem);
                got.push_back(f->body);
            }
        }
        REQUIRE(got.size() == 2);
        CHECK(got[0] == R"({"a":1})");
        CHECK(got[1] == R"({"b":"é"})");
        CHECK_FALSE(r.partial());
    }
}

TEST_CASE("framing: a bad header or an oversized body is an error, and the next message reads")
{
    FrameReader r(16);
    r.feed("Content-Length: twelve\r\n\r\n");
    auto f = r.next();
    REQUIRE(f);
    CHECK(*f->problem == "Content-Length is not a number");
    r.feed("Content-Type: x\n\n");  // LF only, and no length
    f = r.next();
    REQUIRE(f);
    CHECK(*f->problem == "no Content-Length header");
    r.feed("Content-Length: 99999999999999999999999\r\n\r\n");
    CHECK(r.next()->problem);
    r.feed("Content-Length: 40\r\n\r\n" + std::string(25, 'x'));
    f = r.next();
    REQUIRE(f);
    CHECK(f->problem->find("40 bytes") != std::string::npos);
    r.feed(std::string(15, 'x') + frame("{}"));  // the rest of the skipped body, then a message
    f = r.next();
    REQUIRE(f);
    CHECK_FALSE(f->problem);
    CHECK(f->body == "{}");
    r.feed(std::string(max_header_bytes + 10, 'h'));
    CHECK(r.next()->problem);
}

TEST_CASE("positions: UTF-16 columns for ASCII, CJK and a character outside the BMP")
{
    const std::string text = "ab\n中文x\n😀y\r\nlast";
    const LineIndex index(text);
    CHECK(index.lines() == 4);
    CHECK(index.line(2) == "😀y");
    CHECK(utf16_length("中文x", 6) == 2);
    CHECK(index.position(text.find('x')).character == 2);
    CHECK(index.position(text.find('y')).character == 2);  // a surrogate pair is two units
    CHECK(index.offset({2, 2}) == text.find('y'));
    CHECK(index.offset({1, 99}) == text.find("\n😀"));
    CHECK(index.offset({9, 0}) == text.size());
    CHECK(index.end().line == 3);
}

TEST_CASE("uris: percent-encoded paths both ways; other schemes are not files")
{
    CHECK(path_of_uri("file:///tmp/my%20portfolio/essay.md")->string() == "/tmp/my portfolio/essay.md");
    CHECK(path_of_uri("file://localhost/tmp/a.md")->string() == "/tmp/a.md");
    CHECK_FALSE(path_of_uri("untitled:Untitled-1"));
    CHECK_FALSE(path_of_uri("file://otherhost/tmp/a.md"));
    CHECK_FALSE(path_of_uri("file:///tmp/a%00b"));
    CHECK(uri_of_path("/tmp/my portfolio/é.md") == "file:///tmp/my%20portfolio/%C3%A9.md");
}

TEST_CASE("overlay: an open buffer is read first, and a new one is listed in its folder")
{
    test::PortfolioCopy p;
    OpenBuffers buffers;
    buffers["essay.md"] = "---\ntitle: x\n---\n\n# Only a title\n";
    buffers["journal/2026-06-20-new.md"] = "---\ndate: 2026-06-20\n---\n\nUnsaved.\n";
    const OverlayPortfolio fs(p.dir(), buffers);
    CHECK(fs.read_text("essay.md").data == buffers["essay.md"]);
    CHECK(fs.is_file("journal/2026-06-20-new.md"));
    CHECK_FALSE(fs.is_dir("journal/2026-06-20-new.md"));
    bool listed = false;
    for (const auto& e : fs.markdown_entries("journal")) listed = listed || e.rel == "journal/2026-06-20-new.md";
    CHECK(listed);
    // The same check as lilo check, on what the editor holds; nothing written.
    CheckOptions opt;
    opt.folder = p.dir();
    opt.git = CheckOptions::Git::off;
    const Report r = check_portfolio(fs, opt);
    bool short_entry = false, essay_short = false;
    for (const auto& d : r.diagnostics) {
        short_entry = short_entry || (d.code == "R2.words" && d.file == "journal/2026-06-20-new.md");
        essay_short = essay_short || (d.code == "R6.words" && d.file == "essay.md");
    }
    CHECK(short_entry);
    CHECK(essay_short);
    CHECK_FALSE(std::filesystem::exists(p.dir() / "journal/2026-06-20-new.md"));
    // A buffer over the limit, as a file would be.
    buffers["essay.md"] = std::string(20u << 20, 'a');
    CHECK(fs.read_text("essay.md").problem->code == "too-large");
}

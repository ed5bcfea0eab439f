#pragma once
// `lilo serve`'s page (serve/page.cpp): one self-contained HTML document,
// style and script inside, that fetches nothing but this server's /api/…
// (its key taken from its own address) and draws every check it is sent.

namespace lilo {

extern const char* const serve_page_html;

} // namespace lilo

#pragma once
// The cohort page's style sheet and script (render/cohort_html_assets.cpp).

namespace lilo {

extern const char* const cohort_html_css;
extern const char* const cohort_html_script;

} // namespace lilo

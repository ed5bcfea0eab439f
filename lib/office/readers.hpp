#pragma once
// The two formats' readers, behind read_office (office.cpp).
#include "office/office.hpp"
#include "office/package.hpp"

namespace lilo::office {

void read_docx(const Package& pkg, OfficeText& out);
void read_odt(const Package& pkg, OfficeText& out);

} // namespace lilo::office

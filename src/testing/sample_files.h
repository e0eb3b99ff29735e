// Real files for upload tests, made in memory with the same libraries that check them: a JPEG
// photo, a PNG image and a one-page PDF. Tests need no fixture files, and a fake that only starts
// like a file is refused by the server, as it should be.
#pragma once

#include <string>

namespace meekijk::testing {

// A width×height photo-like JPEG (libjpeg-turbo).
std::string SampleJpeg(int width = 64, int height = 48);
// A width×height RGB PNG (libpng).
std::string SamplePng(int width = 32, int height = 24);
// A valid PDF of one A4 page with a line of text, its cross-reference table exact.
std::string SamplePdf(const std::string& text = "Uitslag huidbiopt");

}  // namespace meekijk::testing

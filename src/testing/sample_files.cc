// Encoding the sample files.
#include "testing/sample_files.h"

#include <png.h>
#include <turbojpeg.h>

#include <cstdio>
#include <stdexcept>
#include <vector>

namespace meekijk::testing {
namespace {

// A skin-coloured field with a darker oval, like a photo of a rash.
std::vector<unsigned char> SkinPixels(int width, int height) {
  std::vector<unsigned char> rgb(static_cast<size_t>(width) * height * 3);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      double dx = (x - width / 2.0) / (width / 4.0), dy = (y - height / 2.0) / (height / 4.0);
      bool spot = dx * dx + dy * dy < 1.0;
      unsigned char* pixel = &rgb[(static_cast<size_t>(y) * width + x) * 3];
      pixel[0] = spot ? 170 : 232;
      pixel[1] = spot ? 90 : 190;
      pixel[2] = spot ? 80 : 160;
    }
  }
  return rgb;
}

}  // namespace

std::string SampleJpeg(int width, int height) {
  std::vector<unsigned char> rgb = SkinPixels(width, height);
  tjhandle encoder = tjInitCompress();
  unsigned char* jpeg = nullptr;
  unsigned long size = 0;
  int failed = tjCompress2(encoder, rgb.data(), width, 0, height, TJPF_RGB, &jpeg, &size,
                           TJSAMP_420, 85, 0);
  std::string out = failed ? "" : std::string(reinterpret_cast<char*>(jpeg), size);
  tjFree(jpeg);
  tjDestroy(encoder);
  if (failed) throw std::runtime_error("cannot encode the sample JPEG");
  return out;
}

std::string SamplePng(int width, int height) {
  std::vector<unsigned char> rgb = SkinPixels(width, height);
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(width);
  image.height = static_cast<png_uint_32>(height);
  image.format = PNG_FORMAT_RGB;
  png_alloc_size_t size = 0;
  if (!png_image_write_to_memory(&image, nullptr, &size, 0, rgb.data(), 0, nullptr)) {
    throw std::runtime_error("cannot size the sample PNG");
  }
  std::string out(size, '\0');
  if (!png_image_write_to_memory(&image, out.data(), &size, 0, rgb.data(), 0, nullptr)) {
    throw std::runtime_error("cannot encode the sample PNG");
  }
  out.resize(size);
  return out;
}

std::string SamplePdf(const std::string& text) {
  std::string stream = "BT /F1 14 Tf 72 770 Td (" + text + ") Tj ET";
  std::vector<std::string> objects{
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  };
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace meekijk::testing

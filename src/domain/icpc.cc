// Parsing, lookup, search and validation of the embedded ICPC-1-NL list.
#include "domain/icpc.h"

#include <cctype>
#include <string>
#include <unordered_map>
#include <utility>

namespace meekijk::domain {
namespace detail {
extern const char kIcpcTsv[];  // generated from icpc1_nl.tsv, see icpc_data.cc.in
}  // namespace detail

namespace {

struct IcpcTable {
  std::vector<IcpcCode> codes;
  std::vector<std::string> folded_descriptions;  // parallel to codes
  std::unordered_map<std::string, size_t> index_by_code;
};

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string_view TrimAscii(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return text;
}

std::string NormaliseCode(std::string_view code) {
  std::string result(TrimAscii(code));
  for (char& c : result) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return result;
}

// A chapter letter and two digits, optionally "." and two more: "K86", "T90.02".
bool HasIcpcShape(std::string_view code) {
  bool rubric =
      code.size() >= 3 && code[0] >= 'A' && code[0] <= 'Z' && IsDigit(code[1]) && IsDigit(code[2]);
  if (!rubric) return false;
  if (code.size() == 3) return true;
  return code.size() == 6 && code[3] == '.' && IsDigit(code[4]) && IsDigit(code[5]);
}

// The base letter of a Latin-1 Supplement letter (U+00C0..U+00FF), or 0 when it has none.
char BaseLetter(unsigned codepoint) {
  // Indexed by codepoint - 0xC0, for À..ß; the lower-case half à..ÿ maps the same way.
  static constexpr char kBase[] = "aaaaaaaceeeeiiiidnooooo\0ouuuuy\0s";
  if (codepoint == 0xFF) return 'y';  // ÿ; its upper-case half slot holds ß
  return kBase[codepoint >= 0xE0 ? codepoint - 0xE0 : codepoint - 0xC0];
}

// Lower-cases ASCII letters and replaces accented Latin letters (UTF-8, U+00C0..U+00FF) by their
// base letter, so "Hemorroïden" and "HEMORROIDEN" fold alike. Other bytes pass unchanged.
std::string Fold(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte == 0xC3 && i + 1 < text.size()) {
      auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0xBF) {
        char base = BaseLetter(0xC0 + (next - 0x80));
        if (base != 0) {
          result.push_back(base);
          ++i;
          continue;
        }
      }
    }
    result.push_back(static_cast<char>(std::tolower(byte)));
  }
  return result;
}

IcpcTable Parse(std::string_view tsv) {
  IcpcTable table;
  bool header = true;
  while (!tsv.empty()) {
    size_t end = tsv.find('\n');
    std::string_view line = tsv.substr(0, end);
    tsv.remove_prefix(end == std::string_view::npos ? tsv.size() : end + 1);
    if (std::exchange(header, false)) continue;
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;  // blank line
    IcpcCode entry{std::string(TrimAscii(line.substr(0, tab))),
                   std::string(TrimAscii(line.substr(tab + 1)))};
    table.index_by_code.emplace(entry.code, table.codes.size());
    table.folded_descriptions.push_back(Fold(entry.description_nl));
    table.codes.push_back(std::move(entry));
  }
  return table;
}

const IcpcTable& Table() {
  static const IcpcTable table = Parse(detail::kIcpcTsv);
  return table;
}

bool IsWordCharacter(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80;
}

// Whether `needle` occurs in `haystack` at the start of a word.
bool ContainsAtWordStart(std::string_view haystack, std::string_view needle) {
  for (size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + 1)) {
    if (at == 0 || !IsWordCharacter(haystack[at - 1])) return true;
  }
  return false;
}

Error InvalidIcpc(std::string nl, std::string en) {
  return MakeError(ErrorCode::kInvalidArgument, std::move(nl), std::move(en), "icpc");
}

}  // namespace

const IcpcCode* FindIcpc(std::string_view code) {
  const IcpcTable& table = Table();
  auto found = table.index_by_code.find(NormaliseCode(code));
  return found == table.index_by_code.end() ? nullptr : &table.codes[found->second];
}

const std::vector<IcpcCode>& AllIcpcCodes() { return Table().codes; }

std::vector<const IcpcCode*> SearchIcpc(std::string_view query, size_t limit) {
  std::string folded = Fold(TrimAscii(query));
  if (folded.empty() || limit == 0) return {};
  enum Tier { kCodePrefix, kWordStart, kInside, kTiers };
  std::vector<const IcpcCode*> tiers[kTiers];
  const IcpcTable& table = Table();
  for (size_t i = 0; i < table.codes.size(); ++i) {
    const std::string& description = table.folded_descriptions[i];
    if (Fold(table.codes[i].code).starts_with(folded)) {
      tiers[kCodePrefix].push_back(&table.codes[i]);
    } else if (ContainsAtWordStart(description, folded)) {
      tiers[kWordStart].push_back(&table.codes[i]);
    } else if (description.find(folded) != std::string::npos) {
      tiers[kInside].push_back(&table.codes[i]);
    }
  }
  std::vector<const IcpcCode*> result;
  for (const auto& tier : tiers) {
    for (const IcpcCode* entry : tier) {
      if (result.size() == limit) return result;
      result.push_back(entry);
    }
  }
  return result;
}

Result<const IcpcCode*> ValidateIcpc(std::string_view code) {
  std::string normalised = NormaliseCode(code);
  if (normalised.empty()) {
    return InvalidIcpc("Vul een ICPC-code in.", "Enter an ICPC code.");
  }
  // The input is not echoed here: it may be anything, even bytes that are not text.
  if (!HasIcpcShape(normalised)) {
    return InvalidIcpc(
        "Dit is geen ICPC-code. Een ICPC-code is een letter met twee cijfers, soms gevolgd door "
        "een punt en twee cijfers, zoals K86 of T90.02.",
        "This is not an ICPC code. An ICPC code is a letter and two digits, sometimes followed by "
        "a dot and two digits, such as K86 or T90.02.");
  }
  const IcpcCode* entry = FindIcpc(normalised);
  if (entry == nullptr) {
    return InvalidIcpc(
        "Onbekende ICPC-code „" + normalised + "“. Kies een code uit de ICPC-1-lijst van het NHG.",
        "Unknown ICPC code “" + normalised + "”. Choose a code from the NHG's ICPC-1 list.");
  }
  return entry;
}

}  // namespace meekijk::domain

// The referral letter a consult becomes after the advice "refer": the question, the summary, the
// template's answers and the specialist's advice, under the consult's number, so that the hospital
// reads the consult that came first. A draft the GP may still change before sending.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "domain/consult.h"

namespace meekijk::domain {

struct ReferralFacts {
  const Consult* consult = nullptr;
  std::string practice;     // "Huisartsenpraktijk Kralingen (AGB 01000001)"
  std::string gp;           // who refers
  std::string addressee;    // the pool's organisation
  std::string specialist;   // who advised
  std::vector<std::pair<std::string, std::string>> answers;  // label, answer
};

// Dutch, as the letter goes to a Dutch hospital.
std::string ReferralLetter(const ReferralFacts& facts);

}  // namespace meekijk::domain

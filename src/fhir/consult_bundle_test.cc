// Reading a consult from a HIS's transaction Bundle.
#include "fhir/consult_bundle.h"

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

namespace meekijk::fhir {
namespace {

json::object Entry(std::string_view url, json::object resource) {
  std::string type(resource.at("resourceType").as_string());
  return json::object{{"fullUrl", url}, {"resource", std::move(resource)},
                      {"request", json::object{{"method", "POST"}, {"url", type}}}};
}

json::object Patient() {
  return json::object{{"resourceType", "Patient"}, {"birthDate", "1979"}, {"gender", "female"}};
}

json::object ServiceRequest() {
  return json::object{
      {"resourceType", "ServiceRequest"},
      {"status", "active"},
      {"intent", "order"},
      {"subject", json::object{{"reference", "urn:uuid:p"}}},
      {"performerType", Concept(OurCodeSystem("specialty"), "dermatologie")},
      {"category", json::array{Concept(OurCodeSystem("consult-mode"), "digital")}},
      {"code", json::object{{"text", "Handeczeem: eerst behandelen?"}}},
      {"reasonCode", json::array{Concept(kIcpcSystem, "S88")}},
      {"note", json::array{json::object{{"text", "Sinds 4 maanden kloven."}}}},
      {"extension", json::array{json::object{{"url", OurExtension("patient-consent")},
                                             {"valueBoolean", true}},
                                json::object{{"url", OurExtension("intended-referral")},
                                             {"valueBoolean", true}}}},
  };
}

json::object Task(std::string_view status = "requested") {
  return json::object{{"resourceType", "Task"}, {"status", status}, {"intent", "order"},
                      {"focus", json::object{{"reference", "urn:uuid:s"}}}};
}

std::string Bundle(std::vector<json::object> entries) {
  json::array list;
  for (json::object& e : entries) list.push_back(std::move(e));
  return json::serialize(json::object{{"resourceType", "Bundle"}, {"type", "transaction"},
                                      {"entry", std::move(list)}});
}

std::string Complete() {
  return Bundle({Entry("urn:uuid:p", Patient()), Entry("urn:uuid:s", ServiceRequest()),
                 Entry("urn:uuid:t", Task())});
}

TEST(ConsultBundleTest, ABundleOfPatientRequestAndTaskIsAConsultToSend) {
  Result<ConsultBundle> read = ReadConsultBundle(Complete());
  ASSERT_TRUE(read.ok()) << read.error().message.en;
  const domain::ConsultContent& c = read->consult.content;
  EXPECT_EQ(c.specialty, "dermatologie");
  EXPECT_EQ(c.mode, domain::ConsultMode::kDigital);
  EXPECT_EQ(c.patient.birth_year, 1979);
  EXPECT_EQ(c.patient.sex, domain::Sex::kFemale);
  EXPECT_FALSE(c.patient.bsn.has_value());
  EXPECT_EQ(c.icpc, "S88");
  EXPECT_EQ(c.question, "Handeczeem: eerst behandelen?");
  EXPECT_EQ(c.clinical_summary, "Sinds 4 maanden kloven.");
  EXPECT_TRUE(c.consent);
  EXPECT_EQ(c.intended_referral, true);
  EXPECT_TRUE(read->consult.send);
  EXPECT_EQ(read->task_url, "urn:uuid:t");
}

TEST(ConsultBundleTest, IdentifyingDataAnswersAndAVektisCodeAreRead) {
  json::object patient = Patient();
  patient["birthDate"] = "1979-03-02";
  patient["identifier"] = json::array{Identifier(kBsnSystem, "111222333")};
  patient["name"] = json::array{json::object{{"text", "J. Jansen"}}};
  json::object request = ServiceRequest();
  request["performerType"] = Concept(kVektisSpecialismSystem, "0310");
  json::object answers{{"resourceType", "QuestionnaireResponse"},
                       {"status", "completed"},
                       {"item", json::array{json::object{{"linkId", "duur_weken"},
                                                         {"answer", json::array{json::object{{"valueDecimal", 16}}}}},
                                            json::object{{"linkId", "jeuk"},
                                                         {"answer", json::array{json::object{{"valueBoolean", true}}}}}}}};
  Result<ConsultBundle> read = ReadConsultBundle(
      Bundle({Entry("urn:uuid:p", patient), Entry("urn:uuid:s", request),
              Entry("urn:uuid:t", Task("draft")), Entry("urn:uuid:q", answers)}));
  ASSERT_TRUE(read.ok()) << read.error().message.en;
  EXPECT_EQ(read->consult.content.patient.bsn, "111222333");
  EXPECT_EQ(read->consult.content.patient.birth_date, "1979-03-02");
  EXPECT_EQ(read->consult.content.patient.name, "J. Jansen");
  EXPECT_EQ(read->vektis_specialty, "0310");
  EXPECT_FALSE(read->consult.send);
  EXPECT_EQ(read->consult.content.template_answers,
            (std::vector<domain::TemplateAnswer>{{"duur_weken", "16"}, {"jeuk", "true"}}));
}

TEST(ConsultBundleTest, WhatCannotBeReadIsRefusedWithTheElement) {
  auto field_of = [](const std::string& body) { return ReadConsultBundle(body).error().field; };
  EXPECT_EQ(ReadConsultBundle("{").error().code, ErrorCode::kMalformed);
  EXPECT_EQ(field_of(R"({"resourceType":"Bundle","type":"batch","entry":[]})"), "Bundle.type");
  EXPECT_EQ(field_of(Bundle({Entry("urn:uuid:p", Patient())})), "Bundle.entry");
  json::object no_year = Patient();
  no_year.erase("birthDate");
  EXPECT_EQ(field_of(Bundle({Entry("urn:uuid:p", no_year), Entry("urn:uuid:s", ServiceRequest()),
                             Entry("urn:uuid:t", Task())})),
            "Bundle.entry[0].resource.birthDate");
  EXPECT_EQ(field_of(Bundle({Entry("urn:uuid:p", Patient()), Entry("urn:uuid:s", ServiceRequest()),
                             Entry("urn:uuid:t", Task("completed"))})),
            "Bundle.entry[2].resource.status");
  // Entries that do not belong together.
  json::object elsewhere = ServiceRequest();
  elsewhere["subject"] = json::object{{"reference", "Patient/12"}};
  EXPECT_EQ(field_of(Bundle({Entry("urn:uuid:p", Patient()), Entry("urn:uuid:s", elsewhere),
                             Entry("urn:uuid:t", Task())})),
            "Bundle.entry[1].resource.subject");
  EXPECT_EQ(field_of(Bundle({Entry("urn:uuid:p", Patient()), Entry("urn:uuid:s", ServiceRequest()),
                             Entry("urn:uuid:t", Task()), Entry("urn:uuid:t2", Task())})),
            "Bundle.entry[3].resource.resourceType");
  json::object no_specialty = ServiceRequest();
  no_specialty.erase("performerType");
  EXPECT_EQ(field_of(Bundle({Entry("urn:uuid:p", Patient()), Entry("urn:uuid:s", no_specialty),
                             Entry("urn:uuid:t", Task())})),
            "Bundle.entry[1].resource.performerType");
}

TEST(ConsultBundleTest, TheEntriesOrderIsKeptAndOurFieldsPointAtTheirElements) {
  Result<ConsultBundle> read = ReadConsultBundle(
      Bundle({Entry("urn:uuid:t", Task()), Entry("urn:uuid:p", Patient()),
              Entry("urn:uuid:s", ServiceRequest())}));
  ASSERT_TRUE(read.ok()) << read.error().message.en;
  EXPECT_EQ(read->entry_types, (std::vector<std::string>{"Task", "Patient", "ServiceRequest"}));
  EXPECT_EQ(FhirPathOfField("patient.birth_year"), "Patient.birthDate");
  EXPECT_EQ(FhirPathOfField("icpc"), "ServiceRequest.reasonCode");
  EXPECT_EQ(FhirPathOfField("template_answers.duur_weken"), "QuestionnaireResponse.item");
  EXPECT_EQ(FhirPathOfField("Bundle.entry"), "Bundle.entry");
}

}  // namespace
}  // namespace meekijk::fhir

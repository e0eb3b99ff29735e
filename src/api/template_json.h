// Question templates and the answers to them, as JSON: shared by the consult, the specialties a
// GP may consult and the coordinators' template screens.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <span>

#include "domain/question_template.h"

namespace meekijk::api {

// {id, version, name, specialty, fields: [{key, label, help, type, required, unit, options}]}.
boost::json::object QuestionTemplateJson(const domain::QuestionTemplate& question_template);

// {key: value}, each value typed by its field: a number, true/false, or text; an answer whose
// field the version lacks (it cannot happen: the answers were checked against it) stays text.
boost::json::object TemplateAnswersJson(const std::optional<domain::QuestionTemplate>& version,
                                        std::span<const domain::TemplateAnswer> answers);

}  // namespace meekijk::api

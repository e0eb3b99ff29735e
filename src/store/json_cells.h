// Cells that hold a small structured value as JSON text: a template's fields, a consult's
// answers to them. Written and read only by the store; an unreadable cell is a RowError.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "domain/question_template.h"
#include "store/sql_value.h"

namespace meekijk::store {

std::string EncodeTemplateFields(std::span<const domain::TemplateField> fields);
// Throws RowError naming `column` when the text is not what EncodeTemplateFields writes.
std::vector<domain::TemplateField> DecodeTemplateFields(const std::string& text,
                                                        const std::string& column);

std::string EncodeTemplateAnswers(std::span<const domain::TemplateAnswer> answers);
std::vector<domain::TemplateAnswer> DecodeTemplateAnswers(const std::string& text,
                                                          const std::string& column);

}  // namespace meekijk::store

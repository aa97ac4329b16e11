#pragma once
// A labelled form field: the label (with 必須 when required) above, the field, and the
// inline error below it in the error colour. Errors come from the same shared/ validation
// the server runs, already turned into the current language by the form's view-model.
#include <span>
#include <string>
#include <string_view>

#include "i18n/catalog.hpp"
#include "ui/text_field.hpp"

namespace madoguchi::client {

struct FieldFrame {
    std::string_view label;
    bool required = false;
    std::string_view error;  // empty when the value is fine
    std::string_view hint;   // a short help line under the label, optional
};

TextFieldEvents form_text_field(const FieldFrame& frame, std::string& value, i18n::Language language,
                                const TextFieldOptions& options = {});

// A choice among fixed options: `labels` are shown, `selected` indexes them (-1: none yet).
// True when the user picked another option.
bool form_choice(const FieldFrame& frame, std::span<const std::string> labels, int& selected,
                 i18n::Language language);

}  // namespace madoguchi::client

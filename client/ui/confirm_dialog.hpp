#pragma once
// A modal confirm: title, message, confirm and cancel buttons. A destructive action's
// confirm button is coloured as danger and keyboard focus starts on the safe (cancel)
// button, so Space or a stray click-through does not destroy; Enter confirms and Esc
// cancels, as in the operating systems' dialogs. The answer is delivered once.
#include <optional>
#include <string>

namespace madoguchi::client {

struct ConfirmRequest {
    std::string title;
    std::string message;
    std::string confirm_label;
    std::string cancel_label;
    bool destructive = false;
};

enum class ConfirmAnswer { confirmed, cancelled };

class ConfirmDialog {
public:
    // Opens the dialog; a question still open is replaced (and never answered).
    void ask(ConfirmRequest request);
    bool is_open() const { return open_; }
    const ConfirmRequest& request() const { return request_; }
    // Closes the dialog with an answer; ignored when it is not open.
    void answer(ConfirmAnswer answer);
    // The answer, once: later calls return nothing until the next question is answered.
    std::optional<ConfirmAnswer> take_answer();

    // For the view: true once after ask(), when the popup must be opened.
    bool take_open_request();

private:
    ConfirmRequest request_;
    bool open_ = false;
    bool open_requested_ = false;
    std::optional<ConfirmAnswer> answer_;
};

void draw_confirm_dialog(ConfirmDialog& dialog);

}  // namespace madoguchi::client

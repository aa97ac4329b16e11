#pragma once
// An outbox message as an Internet message (RFC 5322 + MIME) for SMTP: the Japanese subject as
// RFC 2047 encoded-words, the body base64 in text/plain; charset=UTF-8, lines ending CRLF.
#include <string>
#include <string_view>

#include "calendar/tokyo_time.hpp"

namespace madoguchi::server::notifications {

struct EmailEnvelope {
    std::string from;
    std::string to;
    std::string subject;
    std::string body;
    std::string message_id;  // without the angle brackets
    calendar::Instant date;
};

std::string compose_email(const EmailEnvelope& envelope);

// "=?UTF-8?B?…?=" words of 64 characters at most, folded onto continuation lines, never
// splitting a character; printable ASCII text is left as it is.
std::string encode_header_text(std::string_view text);

std::string base64(std::string_view bytes);

}  // namespace madoguchi::server::notifications

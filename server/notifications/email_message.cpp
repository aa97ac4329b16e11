#include "notifications/email_message.hpp"

#include <sodium.h>

#include <ctime>
#include <vector>

namespace madoguchi::server::notifications {
namespace {

// 39 bytes encode to 52 characters: with "=?UTF-8?B?" and "?=" a word takes 64, so even the
// first line, after "Subject: ", stays within RFC 5322's 78.
constexpr std::size_t word_bytes = 39;
constexpr std::size_t body_line_length = 76;

bool is_plain_header_text(std::string_view text) {
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte > 0x7e) return false;
    }
    // "=?" would be read as the start of an encoded-word.
    return text.find("=?") == std::string_view::npos;
}

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// "Thu, 26 Nov 2026 09:40:00 +0000"
std::string rfc5322_date(calendar::Instant instant) {
    const std::time_t seconds = instant.unix_seconds;
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[40];
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S +0000", &parts);
    return text;
}

std::string crlf_lines(std::string_view text) {
    std::string converted;
    for (std::size_t index = 0; index < text.size(); ++index) {
        if (text[index] == '\r') continue;
        if (text[index] == '\n') converted += "\r\n";
        else converted += text[index];
    }
    return converted;
}

}  // namespace

std::string base64(std::string_view bytes) {
    std::vector<char> encoded(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL));
    sodium_bin2base64(encoded.data(), encoded.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                      bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    return encoded.data();
}

std::string encode_header_text(std::string_view text) {
    if (is_plain_header_text(text)) return std::string(text);
    std::string encoded;
    while (!text.empty()) {
        auto length = std::min(word_bytes, text.size());
        while (length < text.size() && length > 0 && is_continuation_byte(text[length])) --length;
        if (length == 0) length = std::min(word_bytes, text.size());  // not UTF-8: cut anywhere
        if (!encoded.empty()) encoded += "\r\n ";
        encoded.append("=?UTF-8?B?").append(base64(text.substr(0, length))).append("?=");
        text.remove_prefix(length);
    }
    return encoded;
}

std::string compose_email(const EmailEnvelope& envelope) {
    std::string message;
    message.append("Date: ").append(rfc5322_date(envelope.date)).append("\r\n");
    message.append("From: ").append(envelope.from).append("\r\n");
    message.append("To: ").append(envelope.to).append("\r\n");
    message.append("Subject: ").append(encode_header_text(envelope.subject)).append("\r\n");
    message.append("Message-ID: <").append(envelope.message_id).append(">\r\n");
    message.append("MIME-Version: 1.0\r\n");
    message.append("Content-Type: text/plain; charset=UTF-8\r\n");
    message.append("Content-Transfer-Encoding: base64\r\n");
    message.append("\r\n");
    const auto body = base64(crlf_lines(envelope.body));
    for (std::size_t at = 0; at < body.size(); at += body_line_length) {
        message.append(body, at, body_line_length).append("\r\n");
    }
    return message;
}

}  // namespace madoguchi::server::notifications

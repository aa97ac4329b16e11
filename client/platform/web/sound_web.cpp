#include "platform/web/sound_web.hpp"

#include <emscripten.h>

namespace madoguchi::client {
namespace {

// The tones played are also listed in window.madoguchi.sounds for tests and monitoring.
EM_JS(void, madoguchi_play_tones, (int accepted), {
    const name = accepted ? "accepted" : "refused";
    (window.madoguchi.sounds = window.madoguchi.sounds || []).push(name);
    const AudioContext = window.AudioContext || window.webkitAudioContext;
    if (!AudioContext) return;
    const context = Module.madoguchiAudio || (Module.madoguchiAudio = new AudioContext());
    if (context.state === "suspended") context.resume();
    const tones = accepted ? [[1320, 0, 0.12]] : [[330, 0, 0.18], [330, 0.25, 0.18]];
    tones.forEach(function(tone) {
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        oscillator.type = "square";
        oscillator.frequency.value = tone[0];
        gain.gain.value = 0.15;
        oscillator.connect(gain).connect(context.destination);
        const start = context.currentTime + tone[1];
        oscillator.start(start);
        oscillator.stop(start + tone[2]);
    });
});

}  // namespace

void play_scan_sound(bool accepted) { madoguchi_play_tones(accepted ? 1 : 0); }

}  // namespace madoguchi::client

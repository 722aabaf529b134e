/*
 * Keeps the chat widget's Direct Line connection going when the assistant restarts (or the
 * network drops), in place of botframework-directlinejs's own reconnection: that one asks for a
 * new stream 3–15 s after the stream dropped and, when the assistant is not back yet, only every
 * 20 s after that (its request timeout), so a member waited up to ~20 s after the assistant was
 * back; and a conversation that can no longer be continued was retried for 15 minutes, silently.
 *
 * keepConnected(directLine, hooks) changes one DirectLine object (the one Web Chat's
 * createDirectLine made):
 * - A dropped stream is asked for again (GET …/conversations/{id}) after a short, jittered wait
 *   that grows while the assistant cannot be reached: 0.25–0.5 s, 0.5–1 s, 1–2 s, then 2–4 s;
 *   after two minutes away 7.5–15 s; after 15 minutes it gives up (hooks.onGaveUp).
 * - A message (or event) posted while the assistant cannot be reached (directlinejs answers
 *   "retry": network errors, 5xx) is posted again on the same schedule, for up to three minutes,
 *   instead of waiting for a manual Retry. Typing indicators are not.
 * - Whichever gets through first cuts the others' waits short: when the stream is back the
 *   message goes at once, and the other way round.
 * - A conversation that cannot be continued (its token is refused, 401/403, or it is gone, 404)
 *   is not retried: hooks.onLost(status), once.
 * - hooks.onAway() when the first attempt to get the stream back fails, hooks.onBack() when a
 *   stream is open again after that.
 *
 * Browser code, no build step; the schedule is `retryDelay`. Exposed as window.MemberAssistantReconnect.
 */
(function (global) {
  'use strict';

  var FIRST_CEILING_MS = 500;
  var CEILING_MS = 4000;
  var SLOW_AFTER_MS = 2 * 60 * 1000;
  var SLOW_CEILING_MS = 15 * 1000;
  var GIVE_UP_AFTER_MS = 15 * 60 * 1000;
  var RESEND_FOR_MS = 3 * 60 * 1000;
  var REQUEST_TIMEOUT_MS = 20 * 1000;
  var RETRY_AFTER_CAP_MS = 60 * 1000;

  /**
   * The wait before attempt number `attempt` (0 first) when the stream has been down for `downMs`:
   * half the ceiling plus a random part of the other half ("equal jitter"), so that the members of
   * a restarting assistant do not all come back at the same moment.
   */
  function retryDelay(attempt, downMs, random) {
    var ceiling = downMs >= SLOW_AFTER_MS ? SLOW_CEILING_MS : Math.min(CEILING_MS, FIRST_CEILING_MS * Math.pow(2, Math.max(0, attempt)));
    return Math.round(ceiling / 2 + (random || Math.random)() * (ceiling / 2));
  }

  /** The library's own Observable class: the root class of `subject` (a BehaviorSubject). */
  function rootObservable(subject) {
    var proto = subject && Object.getPrototypeOf(subject);
    while (proto && Object.getPrototypeOf(proto) && Object.getPrototypeOf(proto) !== Object.prototype) proto = Object.getPrototypeOf(proto);
    return proto && typeof proto.constructor === 'function' ? proto.constructor : null;
  }

  /** False when `directLine` is not the directlinejs object this knows (its own reconnection then stays). */
  function keepConnected(directLine, hooks) {
    hooks = hooks || {};
    var random = hooks.random || Math.random;
    var now =
      hooks.now ||
      function () {
        return Date.now();
      };
    var later =
      hooks.setTimeout ||
      function (fn, ms) {
        return global.setTimeout(fn, ms);
      };
    var cancelLater =
      hooks.clearTimeout ||
      function (timer) {
        global.clearTimeout(timer);
      };
    var request =
      hooks.fetch ||
      function (url, init) {
        return global.fetch(url, init);
      };
    var Observable = rootObservable(directLine && directLine.connectionStatus$);
    var services = directLine && directLine.services;
    if (!Observable || !services || typeof directLine.reconnectToConversation !== 'function' || typeof directLine.postActivity !== 'function') {
      return false;
    }

    var downSince = null; // since when no stream has been open (null: one is, or none dropped yet)
    var away = false; // onAway was called (an attempt failed) and onBack not yet
    var lost = false;
    var streamAttempt = 0; // requests for a new stream since one was last open
    var wakers = [];

    function call(name, arg) {
      if (typeof hooks[name] === 'function') hooks[name](arg);
    }

    /** The assistant answered: every wait is cut short. */
    function reached() {
      var waiting = wakers;
      wakers = [];
      for (var i = 0; i < waiting.length; i++) waiting[i]();
    }

    function downFor() {
      return downSince === null ? 0 : now() - downSince;
    }

    /** Runs `work` after `ms`, or at once when the assistant answers meanwhile; returns a cancel function. */
    function after(ms, work) {
      var done = false;
      var timer;
      function forget() {
        done = true;
        cancelLater(timer);
        var i = wakers.indexOf(run);
        if (i >= 0) wakers.splice(i, 1);
      }
      function run() {
        if (done) return;
        forget();
        work();
      }
      timer = later(run, ms);
      wakers.push(run);
      return forget;
    }

    function becameLost(status) {
      if (lost) return;
      lost = true;
      reached();
      call('onLost', status);
    }

    // A stream that opens ends the outage (its token came from a reconnect that worked).
    var NativeWebSocket = services.WebSocket;
    if (typeof NativeWebSocket === 'function') {
      services.WebSocket = function (url) {
        var ws = new NativeWebSocket(url);
        ws.addEventListener('open', function () {
          streamAttempt = 0;
          downSince = null;
          reached();
          if (away) {
            away = false;
            call('onBack');
          }
        });
        return ws;
      };
    }

    // The library waits this long once, before its first reconnect of each stream; the waits are ours now.
    directLine.getRetryDelay = function () {
      return 0;
    };

    directLine.reconnectToConversation = function () {
      return new Observable(function (subscriber) {
        var stopped = false;
        var cancel = null;
        var timeout = null;
        var controller = null;
        if (downSince === null) downSince = now();

        function schedule(atLeastMs) {
          if (stopped || lost) return;
          if (downFor() >= GIVE_UP_AFTER_MS) {
            stopped = true;
            return call('onGaveUp');
          }
          var wait = retryDelay(streamAttempt++, downFor(), random);
          cancel = after(Math.max(wait, Math.min(atLeastMs || 0, RETRY_AFTER_CAP_MS)), attempt);
        }

        function failed(atLeastMs) {
          if (stopped) return;
          if (!away) {
            away = true;
            call('onAway');
          }
          schedule(atLeastMs);
        }

        function attempt() {
          cancel = null;
          // 5: the widget ended this connection (a new chat).
          if (stopped || lost || directLine.connectionStatus$.getValue() === 5) return;
          controller = typeof global.AbortController === 'function' ? new global.AbortController() : null;
          timeout = later(function () {
            if (controller) controller.abort();
          }, REQUEST_TIMEOUT_MS);
          var url = directLine.domain + '/conversations/' + encodeURIComponent(directLine.conversationId) + '?watermark=' + encodeURIComponent(directLine.watermark || '');
          var headers = typeof directLine.commonHeaders === 'function' ? directLine.commonHeaders() : { Authorization: 'Bearer ' + directLine.token };
          headers.Accept = 'application/json';
          request(url, { method: 'GET', headers: headers, signal: controller ? controller.signal : undefined }).then(
            function (res) {
              cancelLater(timeout);
              if (stopped) return;
              if (res.status === 401 || res.status === 403 || res.status === 404) {
                stopped = true;
                return becameLost(res.status);
              }
              if (!res.ok) return failed(res.status === 429 ? Number(res.headers.get('Retry-After')) * 1000 || 0 : 0);
              return res.json().then(
                function (body) {
                  if (stopped) return;
                  if (!body || typeof body.streamUrl !== 'string') return failed();
                  if (!directLine.secret && typeof body.token === 'string') directLine.token = body.token;
                  directLine.streamUrl = body.streamUrl;
                  reached();
                  subscriber.next(null);
                  subscriber.complete();
                },
                function () {
                  failed();
                },
              );
            },
            function () {
              cancelLater(timeout);
              failed();
            },
          );
        }

        schedule();
        return function () {
          stopped = true;
          if (cancel) cancel();
          cancelLater(timeout);
          if (controller) controller.abort();
        };
      });
    };

    var post = directLine.postActivity.bind(directLine);
    directLine.postActivity = function (activity) {
      var first = post(activity);
      // A typing indicator that did not go is stale a moment later: never sent again.
      if (!first || typeof first.subscribe !== 'function' || (activity && activity.type === 'typing')) return first;
      return new Observable(function (subscriber) {
        var until = now() + RESEND_FOR_MS;
        var attempt = 0;
        var inner = null;
        var cancel = null;
        var stopped = false;
        function send(source) {
          var again = false;
          inner = source.subscribe(
            function (id) {
              if (id === 'retry' && !stopped && !lost && now() < until) {
                again = true;
                return;
              }
              if (id !== 'retry') reached();
              subscriber.next(id);
            },
            function (err) {
              subscriber.error(err);
            },
            function () {
              if (!again) return subscriber.complete();
              cancel = after(retryDelay(attempt++, downFor(), random), function () {
                if (!stopped) send(post(activity));
              });
            },
          );
        }
        send(first);
        return function () {
          stopped = true;
          if (cancel) cancel();
          if (inner) inner.unsubscribe();
        };
      });
    };

    return true;
  }

  global.MemberAssistantReconnect = { keepConnected: keepConnected, retryDelay: retryDelay };
})(typeof window !== 'undefined' ? window : this);

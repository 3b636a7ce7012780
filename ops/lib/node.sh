# shellcheck shell=bash
# Node.js for the webapp's production frontend build (the ECharts component: npm + Vite run inside
# `mvn package`). Sourced after lib/common.sh.

# What Vaadin 24.9 accepts from the PATH (flow-server FrontendTools); below it, it downloads its own.
NODE_MIN_MAJOR=20
NPM_MIN_VERSION=9.6

# node_is_supported: true when node >= NODE_MIN_MAJOR and npm >= NPM_MIN_VERSION are on the PATH.
node_is_supported() {
  command -v node >/dev/null && command -v npm >/dev/null || return 1
  local node_major npm_version
  node_major="$(node --version | sed 's/^v//; s/\..*//')"
  npm_version="$(npm --version)"
  [ "$node_major" -ge "$NODE_MIN_MAJOR" ] &&
    printf '%s\n%s\n' "$NPM_MIN_VERSION" "$npm_version" | sort -V -C
}

# ensure_node: installs Debian's nodejs and npm when they are missing and new enough there. When the
# distribution's Node is older, the Maven build falls back to Vaadin's own: it downloads Node into
# ~/.vaadin once (from nodejs.org), so the build needs that host the first time.
ensure_node() {
  if node_is_supported; then
    info "Node $(node --version), npm $(npm --version)"
    return
  fi
  local candidate
  candidate="$(apt-cache policy nodejs 2>/dev/null | sed -n 's/^ *Candidate: *//p' | sed 's/^[0-9]*://; s/\..*//')"
  if [[ "$candidate" =~ ^[0-9]+$ ]] && [ "$candidate" -ge "$NODE_MIN_MAJOR" ]; then
    ensure_apt_packages nodejs
    # Debian splits npm out of nodejs; NodeSource's nodejs includes it.
    command -v npm >/dev/null || ensure_apt_packages npm
  fi
  if node_is_supported; then
    info "Node $(node --version), npm $(npm --version)"
  else
    info "no Node >= $NODE_MIN_MAJOR with npm >= $NPM_MIN_VERSION here: the webapp build will download Node into ~/.vaadin"
  fi
}

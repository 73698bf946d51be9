# Helpers shared by the scripts in scripts/; source it (". scripts/lib/common.sh"), do not run it. Defines
# functions only: need, need_file, free_port, start_redis and stop_redis.

apt_updated=0
need() { # need <command> <debian package>: installs the package when the command is missing
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$apt_updated" = 0 ]; then apt-get update -qq >/dev/null 2>&1 || true; apt_updated=1; fi
  echo "installing $2 ..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null 2>&1 || { echo "could not install $2" >&2; return 1; }
}

need_file() { # need_file <file> <debian package>: installs the package when the file is missing
  [ -e "$1" ] && return 0
  if [ "$apt_updated" = 0 ]; then apt-get update -qq >/dev/null 2>&1 || true; apt_updated=1; fi
  echo "installing $2 ..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null 2>&1 || { echo "could not install $2" >&2; return 1; }
  [ -e "$1" ] || { echo "$2 is installed but $1 is not there" >&2; return 1; }
}

free_port() { # free_port: prints a loopback port in 20000-32767 nothing listens on (below the kernel's ephemeral
  # range, so an outgoing connection cannot take it before the server that asked for it binds it)
  local port
  for _ in $(seq 1 50); do
    port=$(( (RANDOM % 12768) + 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

redis_port=""
redis_pid_file=""
start_redis() { # start_redis <name>: a private redis-server (no persistence) on a free loopback port, pid file
  # /tmp/<name>-XXXXXX.pid; sets redis_port and redis_pid_file and waits until it answers. Stop it with stop_redis.
  redis_port=$(free_port) || { echo "no free loopback port for redis-server" >&2; return 1; }
  redis_pid_file=$(mktemp -u "/tmp/$1-XXXXXX.pid")
  redis-server --port "$redis_port" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
    --pidfile "$redis_pid_file" --logfile /dev/null || { echo "redis-server did not start" >&2; return 1; }
  for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  return 0
}

stop_redis() { # stop_redis: stops the redis-server start_redis started, if any
  if [ -n "$redis_pid_file" ] && [ -f "$redis_pid_file" ]; then kill "$(cat "$redis_pid_file")" 2>/dev/null || true; fi
  [ -z "$redis_pid_file" ] || rm -f "$redis_pid_file"
  redis_pid_file=""
}

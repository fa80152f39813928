#!/usr/bin/env bash
# Makes the state-folder fixture: runs `workshop serve` (built from this checkout) on a fresh state folder, drives it
# with the AWS CLI v2 and skopeo, stops it with SIGTERM (a clean stop, as Ctrl+C) and copies the folder to $1.
set -euo pipefail
out=$1
repo=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
state=$work/state
port=${PORT:-47123}
endpoint=http://127.0.0.1:$port
export AWS_ACCESS_KEY_ID=AKIAWORKSHOPEXAMPLE AWS_SECRET_ACCESS_KEY=workshop-secret-key-example AWS_PAGER= \
  AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_DEFAULT_REGION=ap-northeast-1
aws() { /usr/bin/aws --endpoint-url "$endpoint" --output json "$@"; }

dotnet "$repo"/src/EcsWorkshop.Cli/bin/Debug/net10.0/workshop.dll serve --port "$port" --state-dir "$state" --speed 20 >"$work/serve.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "$endpoint/_workshop/health" >/dev/null && break; sleep 0.2; done

# An image: one gzip layer with one small file, written as an OCI layout and pushed with skopeo.
python3 - "$work/oci" <<'PY'
import gzip, hashlib, io, json, os, sys, tarfile
root = sys.argv[1]; blobs = os.path.join(root, "blobs", "sha256"); os.makedirs(blobs)
def put(data):
    d = hashlib.sha256(data).hexdigest(); open(os.path.join(blobs, d), "wb").write(data); return "sha256:" + d
raw = io.BytesIO()
with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as t:
    body = b"hello from the state-folder fixture\n"; info = tarfile.TarInfo("app/hello.txt"); info.size = len(body); info.mtime = 0
    t.addfile(info, io.BytesIO(body))
layer = gzip.compress(raw.getvalue(), mtime=0)
config = json.dumps({"architecture": "amd64", "os": "linux", "config": {"Cmd": ["/app/run"]},
                     "rootfs": {"type": "layers", "diff_ids": ["sha256:" + hashlib.sha256(raw.getvalue()).hexdigest()]}}).encode()
manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
    "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": put(config), "size": len(config)},
    "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": put(layer), "size": len(layer)}]}).encode()
m = put(manifest)
open(os.path.join(root, "oci-layout"), "w").write('{"imageLayoutVersion":"1.0.0"}')
json.dump({"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": m,
    "size": len(manifest), "annotations": {"org.opencontainers.image.ref.name": "v1"}}]}, open(os.path.join(root, "index.json"), "w"))
PY

aws ecs create-cluster --cluster-name fixture-web >/dev/null
aws ecs create-cluster --cluster-name fixture-batch --tags key=team,value=storage >/dev/null
uri=$(aws ecr create-repository --repository-name fixture/web --tags Key=team,Value=storage --query repository.repositoryUri --output text)
skopeo copy --quiet --dest-tls-verify=false --dest-creds "AWS:$(aws ecr get-login-password)" \
  oci:"$work/oci":v1 docker://127.0.0.1:$port/fixture/web:v1
aws logs create-log-group --log-group-name /ecs/fixture-web >/dev/null
aws ecs register-task-definition --family fixture-web --requires-compatibilities FARGATE --network-mode awsvpc \
  --cpu 256 --memory 512 --execution-role-arn arn:aws:iam::123456789012:role/ecsTaskExecutionRole --container-definitions "[{\"name\":\"web\",\"image\":\"$uri:v1\",\"essential\":true,
   \"portMappings\":[{\"containerPort\":80}],\"environment\":[{\"name\":\"GREETING\",\"value\":\"こんにちは\"}],
   \"logConfiguration\":{\"logDriver\":\"awslogs\",\"options\":{\"awslogs-group\":\"/ecs/fixture-web\",
   \"awslogs-region\":\"ap-northeast-1\",\"awslogs-stream-prefix\":\"web\"}}}]" >/dev/null
net='awsvpcConfiguration={subnets=[subnet-0f1c2a3b],assignPublicIp=ENABLED}'
aws ecs create-service --cluster fixture-web --service-name web --task-definition fixture-web:1 --desired-count 2 \
  --launch-type FARGATE --network-configuration "$net" >/dev/null
task=$(aws ecs run-task --cluster fixture-batch --task-definition fixture-web:1 --launch-type FARGATE \
  --network-configuration "$net" --query 'tasks[0].taskArn' --output text)
aws ecs wait services-stable --cluster fixture-web --services web
aws ecs wait tasks-running --cluster fixture-batch --tasks "$task"
aws ecs stop-task --cluster fixture-batch --task "$task" --reason "fixture: stopped on purpose" >/dev/null
aws ecs wait tasks-stopped --cluster fixture-batch --tasks "$task"
aws logs create-log-stream --log-group-name /ecs/fixture-web --log-stream-name notes
aws logs put-log-events --log-group-name /ecs/fixture-web --log-stream-name notes \
  --log-events timestamp=$(date +%s)000,message='first note' timestamp=$(date +%s)001,message='二つ目のメモ' \
  --query rejectedLogEventsInfo

kill -TERM "$server"; wait "$server" || true; trap - EXIT
rm -f "$state/state.lock"
mkdir -p "$out"; cp -r "$state"/. "$out"/
ls -laR "$out"; cat "$work/serve.log"
rm -rf "$work"

#!/usr/bin/env bash
# Restores the wiki's file system from AWS Backup into a NEW file system, then (with --swap) puts the
# new file system in the stack's state in place of the old one, which is kept untouched until you
# delete it yourself. Step by step, with what to check: docs/operations.md ("Restore the wiki").
#
#   stacks/scripts/restore-from-backup.sh <dev|prod> [--recovery-point <arn>] [--swap]
#
# Run from the repository root, after `npx --yes cdktf-cli@0.21.0 diff <env>` (so cdktf.out/stacks/<env>
# is synthesized and initialized), with AWS credentials for the stack's account.
set -euo pipefail

usage() { echo "usage: $0 <dev|prod> [--recovery-point <arn>] [--swap]" >&2; exit 2; }
[[ $# -ge 1 ]] || usage
env_name=$1; shift
[[ $env_name =~ ^[a-z][a-z0-9-]*$ ]] || usage
recovery_point=''; swap=false
while [[ $# -gt 0 ]]; do
  case $1 in
    --recovery-point) [[ $# -ge 2 ]] || usage; recovery_point=$2; shift 2 ;;
    --swap) swap=true; shift ;;
    *) usage ;;
  esac
done

stack_dir="cdktf.out/stacks/$env_name"
[[ -f $stack_dir/cdk.tf.json ]] || { echo "$stack_dir/cdk.tf.json is missing: run 'npx --yes cdktf-cli@0.21.0 diff $env_name' first" >&2; exit 1; }
tf() { terraform -chdir="$stack_dir" "$@"; }

region=$(tf output -raw region)
file_system=$(tf output -raw file_system_id)
vault=$(tf output -raw backup_vault_name)
role=$(tf output -raw backup_role_arn)
export AWS_REGION=$region
echo "stack $env_name: file system $file_system, vault $vault, region $region"

file_system_arn=$(aws efs describe-file-systems --file-system-id "$file_system" --query 'FileSystems[0].FileSystemArn' --output text)
if [[ -z $recovery_point ]]; then
  recovery_point=$(aws backup list-recovery-points-by-backup-vault --backup-vault-name "$vault" --by-resource-arn "$file_system_arn" \
    --query 'sort_by(RecoveryPoints[?Status==`COMPLETED`], &CreationDate)[-1].RecoveryPointArn' --output text)
  [[ -n $recovery_point && $recovery_point != None ]] || { echo "no completed recovery point of $file_system in $vault" >&2; exit 1; }
fi
echo "restoring $recovery_point"

token="wikibot-$env_name-wiki-restored-$(date -u +%Y%m%d%H%M%S)"
metadata=$(printf '{"file-system-id":"%s","newFileSystem":"true","Encrypted":"true","PerformanceMode":"generalPurpose","CreationToken":"%s"}' \
  "$file_system" "$token")
job=$(aws backup start-restore-job --recovery-point-arn "$recovery_point" --iam-role-arn "$role" --resource-type EFS \
  --metadata "$metadata" --query RestoreJobId --output text)
echo "restore job $job started (creation token $token); waiting for it (EFS restores take minutes to hours)"

while :; do
  status=$(aws backup describe-restore-job --restore-job-id "$job" --query Status --output text)
  case $status in
    COMPLETED) break ;;
    ABORTED|FAILED)
      echo "restore job $job $status: $(aws backup describe-restore-job --restore-job-id "$job" --query StatusMessage --output text)" >&2
      exit 1 ;;
  esac
  sleep "${RESTORE_POLL_SECONDS:-30}"
done
restored=$(aws backup describe-restore-job --restore-job-id "$job" --query CreatedResourceArn --output text)
restored_id=${restored##*/}
address=$(tf state list | grep -E '^aws_efs_file_system\.' | head -n 1)
echo "restored into $restored_id"

swap_commands="terraform -chdir=$stack_dir state rm $address
terraform -chdir=$stack_dir import $address $restored_id
npx --yes cdktf-cli@0.21.0 deploy $env_name"
if [[ $swap != true ]]; then
  printf 'To put %s in place of %s (which stays, unmanaged, until you delete it):\n%s\n' "$restored_id" "$file_system" "$swap_commands"
  exit 0
fi
tf state rm "$address"
tf import "$address" "$restored_id"
echo "state now holds $restored_id; the old file system $file_system is no longer managed and still holds its data."
echo "next: npx --yes cdktf-cli@0.21.0 deploy $env_name (new mount targets, access point and policy; the functions remount)"
